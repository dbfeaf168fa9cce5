#!/usr/bin/env node
// Entry point of the `backfile` command. The source is TypeScript run by Node's own type
// stripping (Node >= 22.18), so a checkout needs no build step for the CLI.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `backfile needs Node >= 22.18 (this is ${process.version}); run it through npm (npm exec backfile), which uses the Node 22 installed with the project.`,
  );
  process.exit(2);
}
await import('../src/cli/main.ts');
