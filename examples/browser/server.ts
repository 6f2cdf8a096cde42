/**
 * A static file server on 127.0.0.1 for the demo page and the browser tests:
 * / -> out/demo, /tf/ -> @tensorflow/tfjs's dist, /dist/ -> dist/browser.
 * A page asked for with ?csp=no-wasm gets a Content-Security-Policy without
 * 'wasm-unsafe-eval' (or 'unsafe-eval'), under which WebAssembly cannot compile.
 * Run directly (npm run demo) it serves on port 8080 (or $PORT) until stopped.
 */
import {createReadStream, existsSync, statSync} from 'fs';
import {createServer, Server} from 'http';
import {AddressInfo} from 'net';
import {extname, join, normalize, resolve} from 'path';

const ROOT = resolve(__dirname, '..', '..');
const MOUNTS: Array<[string, string]> = [
  ['/tf/', join(ROOT, 'node_modules', '@tensorflow', 'tfjs', 'dist')],
  ['/dist/', join(ROOT, 'dist', 'browser')],
  ['/', join(ROOT, 'out', 'demo')],
];
const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json', '.json': 'application/json',
};

export async function serve(port = 0): Promise<{server: Server, url: string}> {
  const server = createServer((req, res) => {
    const [rawPath, query = ''] = (req.url ?? '/').split('?');
    const path = decodeURIComponent(rawPath);
    const mount = MOUNTS.find(([prefix]) => path.startsWith(prefix))!;
    const file = normalize(join(mount[1], path.slice(mount[0].length) || 'index.html'));
    if (!file.startsWith(mount[1]) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'};
    if (new URLSearchParams(query).get('csp') === 'no-wasm') headers['content-security-policy'] = "script-src 'self' 'unsafe-inline'";
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`};
}

if (require.main === module) {
  serve(Number(process.env.PORT ?? 8080)).then(({url}) => {
    console.log(`Demo: ${url}/index.html   script-tag build: ${url}/script.html   (Ctrl-C to stop)`);
  });
}
