/* eslint-disable */
// Builds the task pane (taskpane.html, which also hosts the ribbon commands: shared runtime) into dist/.
//
//   npm start              webpack serve --mode development on port 3000, http, and prints the browser
//                          preview's address: http://localhost:3000/preview.html
//   HTTPS=1 npm start      the same over https with the trusted localhost certificate of
//                          office-addin-dev-certs, which Excel requires to sideload manifest.xml
//                          (Windows/Mac), or SSL_KEY/SSL_CERT PEM files. Once per machine:
//                          `npm i -D office-addin-dev-certs && npx office-addin-dev-certs install`
//                          (adds a local CA to the user's trust store), then `HTTPS=1 npm start` and
//                          sideload: `npx office-addin-debugging start manifest.xml desktop`, or in
//                          Excel on the web 插入 → 加载项 → 上传我的加载项 → manifest.xml.
//   npm run build          production build into dist/ — only what a browser loads (SOURCE_MAPS=1 adds
//                          .map files); ADDIN_URL=https://example.org/addin/ rewrites every
//                          https://localhost:3000/ of manifest.xml copied to dist/ (and the bare
//                          https://localhost:3000 of <AppDomain> to the URL's origin), not its comments
//                          (scripts/manifestUrl.js). The CLI compiles into dist-cli/ (npm run build:cli).
//   npm run bundle-report  production build, then the sizes of the first load vs the lazy chunks
//   ADDIN_OUT=dir          build into another folder; PORT=n another dev server port
//
// taskpane.html (the page Excel opens) loads office.js with a plain script tag in its head, as Microsoft
// documents; preview.html is the same page without it, so the browser preview makes no request outside
// its own origin. taskpane.html opened in a plain browser shows the preview too (Office.onReady: no host).
// Nothing in the pane imports ExcelJS: its cache group below is a canary that bundle-report watches.
const fs = require('fs');
const path = require('path');
const crypto = require('node:crypto');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { rewriteManifest } = require('./scripts/manifestUrl');
const { PolicyMetaPlugin } = require('./scripts/policyMetaPlugin');

const ROOT = __dirname;
const PORT = Number(process.env.PORT || 3000);
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function exists(rel) {
  return fs.existsSync(path.join(ROOT, rel));
}

/** The URL the add-in is served from in production, with a trailing slash. */
function addinUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return null;
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * The certificate for HTTPS=1: SSL_KEY/SSL_CERT (PEM files, e.g. from mkcert) when given, else the
 * localhost certificate of office-addin-dev-certs (`npx office-addin-dev-certs install` once).
 */
async function httpsOptions() {
  if (process.env.SSL_KEY && process.env.SSL_CERT) {
    return { key: fs.readFileSync(process.env.SSL_KEY), cert: fs.readFileSync(process.env.SSL_CERT) };
  }
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch {
    throw new Error(
      'HTTPS=1 needs a certificate: `npm i -D office-addin-dev-certs && npx office-addin-dev-certs install`, ' +
        'or SSL_KEY=key.pem SSL_CERT=cert.pem (PEM files trusted by this machine).',
    );
  }
  return devCerts.getHttpsServerOptions();
}

/**
 * The pages' Content-Security-Policy: scripts only from this origin, the Office CDN and any inline script
 * of the page by its hash (no 'unsafe-inline', no eval); requests only to this origin. Styles may be
 * inline: Fluent UI (Griffel) inserts its CSS at run time. A <meta> tag, so it holds wherever dist/ is
 * served (frame-ancestors cannot be set by a meta tag: Office frames the pane).
 */
function contentSecurityPolicy(html) {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  const cdn = new URL(OFFICE_JS).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${cdn} ${hashes.join(' ')}`.trim(),
    `connect-src 'self' ${cdn}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || 'production';
  const dev = mode === 'development';
  const https = process.env.HTTPS === '1' || process.env.HTTPS === 'true';
  const outDir = path.resolve(ROOT, process.env.ADDIN_OUT || 'dist');

  // One entry. The ribbon commands (src/commands/commands.ts) share the pane's runtime (manifest.xml:
  // SharedRuntime, FunctionFile = taskpane.html), so the pane imports them itself once Office reports
  // Excel (src/taskpane/hostFactory.ts): one webpack runtime, one copy of every module, no commands.html.
  // dialog.html: the result of a ribbon click, where the pane cannot be opened (src/commands/feedback.ts).
  const entry = { taskpane: './src/taskpane/index.tsx', dialog: './src/commands/dialog.ts' };

  const plugins = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: path.join(ROOT, 'src/taskpane/taskpane.html'),
      chunks: ['taskpane'],
      scriptLoading: 'defer',
      templateParameters: { officeJs: OFFICE_JS },
      minify: false,
    }),
    // The browser preview's own page: the same script, no office.js, no request outside its origin.
    new HtmlWebpackPlugin({
      filename: 'preview.html',
      template: path.join(ROOT, 'src/taskpane/taskpane.html'),
      chunks: ['taskpane'],
      scriptLoading: 'defer',
      templateParameters: { officeJs: null },
      minify: false,
    }),
    new HtmlWebpackPlugin({
      filename: 'dialog.html',
      template: path.join(ROOT, 'src/commands/dialog.html'),
      chunks: ['dialog'],
      scriptLoading: 'defer',
      templateParameters: { officeJs: OFFICE_JS },
      minify: false,
    }),
    new PolicyMetaPlugin(contentSecurityPolicy),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets', to: 'assets', noErrorOnMissing: true },
        {
          from: 'manifest*.xml',
          to: '[name][ext]',
          noErrorOnMissing: true,
          transform(content) {
            const url = addinUrl();
            if (!url) return content;
            return Buffer.from(rewriteManifest(content.toString('utf8'), url), 'utf8');
          },
        },
      ],
    }),
  ];
  let server = 'http';
  if (https) server = { type: 'https', options: await httpsOptions() };
  const scheme = https ? 'https' : 'http';

  return {
    mode,
    context: ROOT,
    // No eval-based source maps: the page's policy forbids eval. A production build is what a browser
    // loads and nothing else; SOURCE_MAPS=1 adds the .map files (to debug a deployed pane).
    devtool: dev ? 'cheap-module-source-map' : process.env.SOURCE_MAPS === '1' ? 'source-map' : false,
    entry,
    output: {
      path: outDir,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: 'auto',
      // dist/ is the deployable add-in alone; the CLI compiles into dist-cli/ (tsconfig.cli.json).
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              compilerOptions: { noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            enforce: true,
            priority: 20,
          },
        },
      },
    },
    performance: { hints: false },
    plugins,
    devServer: {
      port: PORT,
      host: 'localhost',
      server,
      hot: false,
      liveReload: true,
      static: false,
      // No CORS header: Office opens the pane as a page, and nothing else should read it from another origin.
      client: { overlay: { errors: true, warnings: false }, logging: 'warn' },
      onListening(devServer) {
        const line = '='.repeat(64);
        // eslint-disable-next-line no-console
        console.log(
          `\n${line}\n  绩效自评表校验 — 浏览器预览（Browser preview）:\n    ${scheme}://localhost:${PORT}/preview.html\n` +
            `  Excel 加载项页面（the page Excel opens, manifest.xml）: ${scheme}://localhost:${PORT}/taskpane.html\n` +
            (https ? '' : '  (https for sideloading into Excel: HTTPS=1 npm start)\n') +
            `${line}\n`,
        );
        void devServer;
      },
    },
  };
};
