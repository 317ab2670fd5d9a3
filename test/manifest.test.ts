/**
 * manifest.xml, offline: what office-addin-manifest reads, plus the ribbon structure walked from the same
 * parse (its ManifestHandlerXml), checked against commands.ts and the PNGs in assets/.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { ManifestHandlerXml } from 'office-addin-manifest/lib/manifestHandler/manifestHandlerXml';

const ROOT = join(__dirname, '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const DEV = 'https://localhost:3000/';

interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

/** xml2js's tree → plain elements. */
function toEl(name: string, node: unknown): El {
  if (typeof node === 'string') return { name, attrs: {}, text: node, children: [] };
  const obj = node as Record<string, unknown>;
  const children: El[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k === '$' || k === '_') continue;
    for (const item of v as unknown[]) children.push(toEl(k, item));
  }
  return { name, attrs: (obj.$ as Record<string, string>) ?? {}, text: String(obj._ ?? ''), children };
}

function all(el: El, name: string): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

function child(el: El, name: string): El {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetOf(url: string): string {
  expect(url.startsWith(DEV)).toBe(true);
  return join(ROOT, url.slice(DEV.length));
}

async function load() {
  const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
  const xml = await new ManifestHandlerXml(MANIFEST).parseXmlAsync();
  const app = toEl('OfficeApp', xml.OfficeApp);
  const resources = child(child(app, 'VersionOverrides'), 'Resources');
  const defined = new Map<string, { kind: string; value: string }>();
  for (const kind of ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']) {
    for (const r of child(resources, kind).children) defined.set(r.attrs.id, { kind, value: r.attrs.DefaultValue });
  }
  return { info, app, defined };
}

describe('manifest.xml', () => {
  it('is a task pane add-in for Excel with a fixed GUID, Chinese by default', async () => {
    const { info } = await load();
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.displayName).toBe('绩效自评校验');
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV}taskpane.html`);
  });

  it('SupportUrl is a help page of its own that exists (not the pane); no AppDomain repeats the source origin (appdomain.md: no effect)', async () => {
    const { info, app } = await load();
    expect(info.supportUrl).toBe(`${DEV}assets/support.html`);
    const page = readFileSync(assetOf(info.supportUrl!), 'utf8');
    expect(page).toContain('使用帮助');
    expect(page).toContain('联系我们');
    const origin = new URL(info.defaultSettings!.sourceLocation!).origin;
    const domains = all(app, 'AppDomain').map((d) => new URL(d.text.trim()).origin);
    expect(domains).not.toContain(origin);
  });

  it('the top-level elements come in the order of the TaskPaneApp schema’s sequence (the offline part of what `office-addin-manifest validate` checks online)', async () => {
    const { app } = await load();
    // OfficeApp (TaskPaneApp) in the add-in only manifest schema 1.1: xs:sequence.
    const sequence = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides'];
    const names = app.children.map((c) => c.name);
    expect(names.every((n) => sequence.includes(n))).toBe(true);
    const order = names.map((n) => sequence.indexOf(n));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions']) {
      expect(names).toContain(required);
    }
  });

  it('store icons exist at 32 and 64 pixels (IconUrl, HighResolutionIconUrl: the sizes of the reference)', async () => {
    const { info } = await load();
    expect(pngSize(assetOf(info.iconUrl!))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetOf(info.highResolutionIconUrl!))).toEqual({ width: 64, height: 64 });
  });

  it('no <TaskpaneId> under the shared runtime: the pane the button opens is the shared runtime’s', async () => {
    const { app } = await load();
    expect(all(app, 'TaskpaneId')).toEqual([]);
  });

  it('runs in a shared runtime: Runtime, FunctionFile and the pane all on Taskpane.Url; SharedRuntime 1.1 required', async () => {
    const { app, defined } = await load();
    const sets = all(child(app, 'Requirements'), 'Set').map((s) => s.attrs);
    expect(sets).toContainEqual({ Name: 'SharedRuntime', MinVersion: '1.1' });
    const runtimes = all(app, 'Runtime');
    expect(runtimes.map((r) => r.attrs)).toEqual([{ resid: 'Taskpane.Url', lifetime: 'long' }]);
    expect(all(app, 'FunctionFile').map((f) => f.attrs.resid)).toEqual(['Taskpane.Url']);
    expect(defined.get('Taskpane.Url')?.value).toBe(`${DEV}taskpane.html`);
  });

  it('has a custom tab 绩效自评 with the three buttons, their actions and function names', async () => {
    const { app, defined } = await load();
    const label = (el: El) => defined.get(child(el, 'Label').attrs.resid)?.value;
    const tabs = all(app, 'CustomTab');
    expect(tabs).toHaveLength(1);
    expect(label(tabs[0])).toBe('绩效自评');
    const buttons = all(tabs[0], 'Control').map((c) => {
      const action = child(c, 'Action');
      return {
        label: label(c),
        type: c.attrs['xsi:type'],
        action: action.attrs['xsi:type'],
        fn: action.children.find((x) => x.name === 'FunctionName')?.text,
        tooltip: defined.get(child(child(c, 'Supertip'), 'Description').attrs.resid)?.value ?? '',
      };
    });
    expect(buttons.map(({ label, type, action, fn }) => ({ label, type, action, fn }))).toEqual([
      { label: '校验并计分', type: 'Button', action: 'ExecuteFunction', fn: 'checkAndScore' },
      { label: '打开面板', type: 'Button', action: 'ShowTaskpane', fn: undefined },
      { label: '清除标记', type: 'Button', action: 'ExecuteFunction', fn: 'clearMarks' },
    ]);
    for (const b of buttons) expect(b.tooltip.length).toBeGreaterThan(10);
  });

  it('its function names are exactly the ones commands.ts associates', async () => {
    const { app } = await load();
    const inManifest = all(app, 'FunctionName').map((f) => f.text.trim());
    const source = readFileSync(join(ROOT, 'src/commands/commands.ts'), 'utf8');
    const associated = [...source.matchAll(/Office\.actions\.associate\(\s*'(\w+)'/g)].map((m) => m[1]);
    expect(new Set(inManifest)).toEqual(new Set(associated));
    expect(associated.sort()).toEqual(['checkAndScore', 'clearMarks']);
  });

  it('every resid is defined, with the right kind of resource', async () => {
    const { app, defined } = await load();
    const expectKind: Record<string, string> = {
      Label: 'bt:ShortStrings',
      Title: 'bt:ShortStrings',
      Description: 'bt:LongStrings',
      'bt:Image': 'bt:Images',
      SourceLocation: 'bt:Urls',
      FunctionFile: 'bt:Urls',
      Runtime: 'bt:Urls',
      LearnMoreUrl: 'bt:Urls',
    };
    const overrides = child(app, 'VersionOverrides');
    const used: El[] = [];
    const walk = (e: El) => {
      if (e.attrs.resid) used.push(e);
      e.children.forEach(walk);
    };
    walk(child(overrides, 'Hosts'));
    expect(used.length).toBeGreaterThan(20);
    for (const e of used) {
      const r = defined.get(e.attrs.resid);
      expect(r, `resid ${e.attrs.resid} on <${e.name}>`).toBeDefined();
      expect(r!.kind, `resid ${e.attrs.resid} on <${e.name}>`).toBe(expectKind[e.name]);
    }
    for (const [id, r] of defined) {
      if (r.kind === 'bt:ShortStrings') expect(r.value.length, id).toBeLessThanOrEqual(125);
      if (r.kind === 'bt:LongStrings') expect(r.value.length, id).toBeLessThanOrEqual(250);
      if (r.kind === 'bt:Urls' || r.kind === 'bt:Images') expect(r.value.startsWith(DEV), id).toBe(true);
    }
  });

  it('every icon a control or group shows exists in assets/ at the size it is declared for', async () => {
    const { app, defined } = await load();
    const images = all(child(app, 'VersionOverrides'), 'bt:Image').filter((i) => i.attrs.resid);
    expect(images.length).toBe(12); // group + 3 buttons, 16/32/80 each
    for (const img of images) {
      const url = defined.get(img.attrs.resid)!.value;
      const file = assetOf(url);
      expect(existsSync(file), file).toBe(true);
      const size = Number(img.attrs.size);
      expect(pngSize(file), url).toEqual({ width: size, height: size });
    }
  });
});
