import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const buildScript = join(__dirname, '../../tools/cli/build.mjs');

/**
 * Services run from what tools/cli/build.mjs compiles into dist/, so a build that missed
 * an edit, kept a deleted file or lost the source maps would show in a running service.
 * Each test builds a small project of its own (a library imported through a tsconfig path
 * alias, JSON data, an app), as npm start and npm test build this one.
 */
describe('npm run build', () => {
  let root: string;

  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  /** Builds `root` in a process of its own, as npm start does; returns the files written. */
  const build = (): number => {
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { build } = await import(${JSON.stringify(pathToFileURL(buildScript).href)});
         console.log(build(${JSON.stringify(root)}));`,
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    return Number(run.stdout.trim());
  };
  const runApp = () =>
    spawnSync(process.execPath, ['--enable-source-maps', 'dist/apps/app/src/main.js'], {
      cwd: root,
      encoding: 'utf8',
    });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'lien-thong-build-'));
    write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          target: 'es2023',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          resolveJsonModule: true,
          esModuleInterop: true,
          sourceMap: true,
          paths: { '@fixture/greeting': ['./libs/greeting/src/index.ts'] },
        },
      }),
    );
    write('libs/greeting/src/index.ts', "export const greeting = 'Xin chào';\n");
    write('libs/greeting/src/index.spec.ts', "throw new Error('specs are not built');\n");
    write('apps/app/src/data/office.json', JSON.stringify({ office: 'VPĐK Hà Nội' }));
    write(
      'apps/app/src/main.ts',
      [
        "import { greeting } from '@fixture/greeting';",
        "import data from './data/office.json';",
        '',
        'console.log(`${greeting}, ${data.office}`);',
        "if (process.env.FAIL) throw new Error('failed on purpose');",
        '',
      ].join('\n'),
    );
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('compiles the apps and libraries, path aliases and JSON data included, and leaves the specs out', () => {
    expect(build()).toBe(3); // two TypeScript files and one JSON file
    expect(runApp().stdout).toBe('Xin chào, VPĐK Hà Nội\n');
    expect(existsSync(join(root, 'dist/libs/greeting/src/index.spec.js'))).toBe(false);
  });

  it('recompiles only what changed, so the next start runs the edited code', () => {
    build();
    expect(build()).toBe(0);
    write('libs/greeting/src/index.ts', "export const greeting = 'Kính chào';\n");
    expect(build()).toBe(1);
    expect(runApp().stdout).toBe('Kính chào, VPĐK Hà Nội\n');
  });

  it('removes what was compiled from a source that no longer exists', () => {
    write('libs/greeting/src/old-name.ts', 'export const x = 1;\n');
    build();
    expect(existsSync(join(root, 'dist/libs/greeting/src/old-name.js'))).toBe(true);
    rmSync(join(root, 'libs/greeting/src/old-name.ts'));
    build();
    expect(existsSync(join(root, 'dist/libs/greeting/src/old-name.js'))).toBe(false);
    expect(existsSync(join(root, 'dist/libs/greeting/src/old-name.js.map'))).toBe(false);
  });

  it('keeps stack traces pointing at the TypeScript file and line', () => {
    build();
    const run = spawnSync(process.execPath, ['--enable-source-maps', 'dist/apps/app/src/main.js'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FAIL: '1' },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`${join(root, 'apps/app/src/main.ts')}:5`);
  });
});
