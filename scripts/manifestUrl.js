/* eslint-disable */
// The production manifest: every https://localhost:3000/ of manifest.xml becomes the add-in's URL (and the
// bare https://localhost:3000 of <AppDomain> its origin) — in the markup only. XML comments are left as
// they are: the manifest's own comment says what the dev server's URLs are, and must go on saying so.
const DEV_URL = 'https://localhost:3000/';

/** manifest text → the same text with the dev server's URLs outside comments replaced by `url` (ending in /). */
function rewriteManifest(text, url) {
  const origin = new URL(url).origin;
  return text
    .split(/(<!--[\s\S]*?-->)/)
    .map((piece) => (piece.startsWith('<!--') ? piece : piece.split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(origin)))
    .join('');
}

module.exports = { DEV_URL, rewriteManifest };
