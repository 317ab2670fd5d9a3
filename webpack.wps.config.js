/* eslint-disable */
// Builds the WPS加载项 (WPS 表格 JS add-in) into dist-wps/addin/: index.html + main.js (the ribbon's
// callbacks, src/commands/wpsRibbon.ts), ribbon.xml, taskpane.html + its scripts (the same React pane as in
// Excel, on WpsHost), the icons. `npm run build:wps` runs this, then scripts/build-wps.ts makes the
// deployment forms from that folder.
//
// WPS's embedded browser is an older Chromium (Chrome 87 measured on Linux builds): every emitted script is
// lowered to TARGET with esbuild (node_modules included: React and Fluent ship modern syntax), and
// src/hosts/wps/polyfills.ts comes first in both entries. The pages carry a Content-Security-Policy that
// allows scripts, styles and requests only from the add-in's own origin ('self'; file: for the offline
// package, which WPS opens from the disk): the add-in loads nothing from outside (intranets have no
// internet); no office.js.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { PolicyMetaPlugin } = require('./scripts/policyMetaPlugin');

const ROOT = __dirname;
const TARGET = 'chrome80';

const CSP = [
  "default-src 'self' file:",
  "script-src 'self' file:",
  "connect-src 'self' file:",
  "style-src 'self' file: 'unsafe-inline'",
  "img-src 'self' file: data: blob:",
  "font-src 'self' file: data:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Lowers every emitted .js to TARGET (syntax only; library calls are polyfilled). */
class LowerForWps {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('LowerForWps', (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: 'LowerForWps', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY }, async (assets) => {
        const esbuild = require('esbuild');
        for (const name of Object.keys(assets)) {
          if (!name.endsWith('.js')) continue;
          const out = await esbuild.transform(assets[name].source().toString(), { target: TARGET, loader: 'js', legalComments: 'none' });
          compilation.updateAsset(name, new sources.RawSource(out.code));
        }
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  context: ROOT,
  target: ['web', 'es2017'],
  devtool: false,
  entry: {
    main: ['./src/hosts/wps/polyfills.ts', './src/commands/wpsRibbon.ts'],
    taskpane: ['./src/hosts/wps/polyfills.ts', './src/taskpane/index.tsx'],
  },
  output: {
    path: path.resolve(ROOT, process.env.WPS_OUT || 'dist-wps/addin'),
    // Plain names: WPS caches the add-in by its folder and version, and ribbon.xml / index.html name main.js.
    filename: '[name].js',
    chunkFilename: '[name].chunk.js',
    publicPath: 'auto',
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
            compilerOptions: { noEmit: false, sourceMap: false, target: 'ES2017' },
          },
        },
      },
    ],
  },
  optimization: { splitChunks: { chunks: 'async' } },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({ filename: 'index.html', template: path.join(ROOT, 'src/commands/wps/index.html'), chunks: ['main'], scriptLoading: 'blocking', inject: 'head', minify: false }),
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: path.join(ROOT, 'src/taskpane/taskpane.html'),
      chunks: ['taskpane'],
      scriptLoading: 'defer',
      templateParameters: { officeJs: null },
      minify: false,
    }),
    new PolicyMetaPlugin(() => CSP),
    new LowerForWps(),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'src/commands/wps/ribbon.xml', to: 'ribbon.xml' },
        { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
      ],
    }),
  ],
});
