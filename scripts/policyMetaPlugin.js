/* eslint-disable */
/**
 * A webpack plugin that puts a Content-Security-Policy <meta> into every emitted .html page, right after its
 * <meta charset>. Done on the assets as emitted (stage REPORT): inline scripts are minified after
 * HtmlWebpackPlugin's own hooks, and a hash in the policy must be of what is served. `policyOf(html)` gives
 * the policy for a page (the add-in's hashes its inline scripts; the WPS build's is fixed).
 */
class PolicyMetaPlugin {
  constructor(policyOf) {
    this.policyOf = policyOf;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PolicyMeta', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PolicyMeta', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!name.endsWith('.html')) continue;
          const html = assets[name].source().toString();
          const meta = `<meta http-equiv="Content-Security-Policy" content="${this.policyOf(html)}">`;
          compilation.updateAsset(name, new sources.RawSource(html.replace(/(<meta charset=["']?utf-8["']?>)/i, `$1${meta}`)));
        }
      });
    });
  }
}

module.exports = { PolicyMetaPlugin };
