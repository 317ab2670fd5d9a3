/**
 * The deployment forms of the WPS加载项, made from the add-in folder webpack.wps.config.js built
 * (dist-wps/addin/). `npm run build:wps` runs both; `WPS_ADDIN_URL=http://内网服务器/selfeval/` names where
 * the online form will be served (default http://127.0.0.1:8080/selfeval/, for a try on one machine).
 *
 *   dist-wps/online/selfeval/     the add-in folder, to put on the intranet server at WPS_ADDIN_URL
 *   dist-wps/online/publish.html  the page users open once (from the same server): it asks WPS's local
 *                                 service (127.0.0.1:58890, what wpsjs's own publish page talks to) to enable
 *                                 the add-in at WPS_ADDIN_URL
 *   dist-wps/online/jsplugins.xml for centrally managed machines: oem.ini [Server] JSPluginsServer= this file
 *   dist-wps/offline/             the offline package: jsaddons/selfeval_<version>/ + jsaddons/publish.xml,
 *                                 install-windows.bat, install-linux.sh, and all of it zipped
 *                                 (selfeval-wps-offline-<version>.zip)
 *
 * The entries follow the wpsjs tool's own (wpsjs src/lib/build.js, publish.js): an offline add-in is a
 * folder `<name>_<version>` beside publish.xml in the user's jsaddons folder, registered as
 * `<jsplugin name type url="<name>_<version>" version enable="enable_dev" install="null"/>`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { escapeXmlAttribute } from '../src/hosts/workbook/patch/xmlScan';

export const ADDIN_NAME = 'selfeval';
const ROOT = join(__dirname, '..');

const xml = escapeXmlAttribute;

export function addinUrl(raw = process.env.WPS_ADDIN_URL ?? 'http://127.0.0.1:8080/selfeval/'): string {
  const u = new URL(raw);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`WPS_ADDIN_URL 应为 http(s) 地址：${raw}`);
  return u.toString().endsWith('/') ? u.toString() : `${u.toString()}/`;
}

export function jspluginsXml(url: string, version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xml(url)}" version="${xml(version)}" enable="enable" install="null" customDomain=""/>
</jsplugins>
`;
}

export function publishXml(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${xml(version)}" version="${xml(version)}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
}

/** The registration page: one button that enables the add-in at `url` through WPS's local service. */
export function publishHtml(url: string, version: string): string {
  const entry = JSON.stringify({ cmd: 'enable', name: ADDIN_NAME, url, addonType: 'et', online: 'true', version, customDomain: '' });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>安装“绩效自评表校验”WPS 加载项</title>
<style>body{font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:32px;max-width:720px;line-height:1.6}button{font-size:16px;padding:6px 18px}#status{margin-top:16px}</style>
</head>
<body>
<h1>绩效自评表校验 · WPS 表格加载项</h1>
<p>加载项地址：<code>${xml(url)}</code>（版本 ${xml(version)}）</p>
<p>请先启动 WPS，然后点击下面的按钮。安装后重新打开 WPS 表格，功能区会出现“绩效自评”选项卡。</p>
<p><button id="enable">安装 / 更新</button> <button id="disable">卸载</button></p>
<p id="status"></p>
<script>
(function () {
  var entry = ${entry};
  function send(cmd) {
    var data = {};
    for (var k in entry) data[k] = entry[k];
    data.cmd = cmd;
    var body = btoa(unescape(encodeURIComponent(JSON.stringify(data))));
    var status = document.getElementById('status');
    var xhr = new XMLHttpRequest();
    // WPS's local service (the one wpsjs's publish page uses): http 58890.
    xhr.open('POST', 'http://127.0.0.1:58890/deployaddons/runParams');
    xhr.timeout = 5000;
    xhr.onload = function () { status.textContent = xhr.status === 200 ? (cmd === 'enable' ? '已安装，请重新打开 WPS 表格。' : '已卸载。') : '失败：' + xhr.responseText; };
    xhr.onerror = xhr.ontimeout = function () {
      status.textContent = '连接不到 WPS 的本地服务（127.0.0.1:58890）。请先启动 WPS 再试；仍不行请联系信息化人员。';
      location.href = 'ksoWPSCloudSvr://start=RelayHttpServer';
    };
    xhr.send(body);
  }
  document.getElementById('enable').onclick = function () { send('enable'); };
  document.getElementById('disable').onclick = function () { send('disable'); };
})();
</script>
</body>
</html>
`;
}

const INSTALL_BAT = (version: string) => `@echo off
rem 把“绩效自评表校验”WPS 加载项装到当前用户（%APPDATA%\\kingsoft\\wps\\jsaddons）。
chcp 65001 >nul
set "SRC=%~dp0jsaddons"
set "DST=%APPDATA%\\kingsoft\\wps\\jsaddons"
if not exist "%DST%" mkdir "%DST%"
xcopy /E /I /Y "%SRC%\\${ADDIN_NAME}_${version}" "%DST%\\${ADDIN_NAME}_${version}" >nul
if exist "%DST%\\publish.xml" (
  findstr /C:"${ADDIN_NAME}_" "%DST%\\publish.xml" >nul && (
    echo 已有 publish.xml 且含本加载项；如版本不同，请把其中 ${ADDIN_NAME} 一行的 url 和 version 改为 ${ADDIN_NAME}_${version} / ${version}。
  ) || (
    echo 已有 publish.xml（含其他加载项）：请把 jsaddons\\publish.xml 中的 jsplugin 一行加入 "%DST%\\publish.xml" 的 jsplugins 内。
  )
) else (
  copy /Y "%SRC%\\publish.xml" "%DST%\\publish.xml" >nul
)
echo 完成。请重新打开 WPS 表格。
pause
`;

const INSTALL_SH = (version: string) => `#!/bin/sh
# 把“绩效自评表校验”WPS 加载项装到当前用户（麒麟 / 统信 UOS：~/.local/share/Kingsoft/wps/jsaddons）。
set -e
SRC="$(cd "$(dirname "$0")" && pwd)/jsaddons"
DST="\${HOME}/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$DST"
rm -rf "$DST/${ADDIN_NAME}_${version}"
cp -r "$SRC/${ADDIN_NAME}_${version}" "$DST/"
if [ -f "$DST/publish.xml" ]; then
  if grep -q 'name="${ADDIN_NAME}"' "$DST/publish.xml"; then
    sed -i 's#url="${ADDIN_NAME}_[^"]*" version="[^"]*"#url="${ADDIN_NAME}_${version}" version="${version}"#' "$DST/publish.xml"
  else
    sed -i 's#</jsplugins>#  <jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${version}" version="${version}" enable="enable_dev" install="null" customDomain=""/>\\n</jsplugins>#' "$DST/publish.xml"
  fi
else
  cp "$SRC/publish.xml" "$DST/publish.xml"
fi
echo "完成。若 WPS 仍不显示“绩效自评”选项卡，请让管理员在 /opt/kingsoft/wps-office/office6/cfgs/oem.ini 的 [Support] 下加入 JsApiPlugin=true。"
`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

export function buildWps(outRoot = join(ROOT, 'dist-wps')): { online: string; offline: string; zip: string } {
  const addin = join(outRoot, 'addin');
  if (!existsSync(join(addin, 'index.html')) || !existsSync(join(addin, 'ribbon.xml'))) {
    throw new Error(`没有找到加载项目录 ${addin}（先运行 webpack --config webpack.wps.config.js）`);
  }
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const url = addinUrl();

  const online = join(outRoot, 'online');
  rmSync(online, { recursive: true, force: true });
  cpSync(addin, join(online, ADDIN_NAME), { recursive: true });
  writeFileSync(join(online, 'jsplugins.xml'), jspluginsXml(url, version));
  writeFileSync(join(online, 'publish.html'), publishHtml(url, version));

  const offline = join(outRoot, 'offline');
  rmSync(offline, { recursive: true, force: true });
  cpSync(addin, join(offline, 'jsaddons', `${ADDIN_NAME}_${version}`), { recursive: true });
  writeFileSync(join(offline, 'jsaddons', 'publish.xml'), publishXml(version));
  writeFileSync(join(offline, 'install-windows.bat'), INSTALL_BAT(version).replace(/\n/g, '\r\n'));
  writeFileSync(join(offline, 'install-linux.sh'), INSTALL_SH(version), { mode: 0o755 });
  const files: Record<string, Uint8Array> = {};
  for (const f of filesUnder(offline)) files[relative(offline, f).split('\\').join('/')] = new Uint8Array(readFileSync(f));
  const zip = join(outRoot, `${ADDIN_NAME}-wps-offline-${version}.zip`);
  writeFileSync(zip, zipSync(files, { level: 6 }));
  mkdirSync(outRoot, { recursive: true });
  return { online, offline, zip };
}

if (require.main === module) {
  const out = buildWps();
  console.log(`WPS 加载项：\n  在线：${out.online}（把 selfeval/ 放到 ${addinUrl()}，把 publish.html 发给用户）\n  离线：${out.offline}\n  离线包：${out.zip}`);
}
