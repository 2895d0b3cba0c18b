import v8 from 'node:v8';

// V8 sizes a process's heap from the machine's memory and, while a program allocates fast, lets garbage grow to
// several times the data still in use before it collects. Writing a month's lists (a million cells, nearly all of
// them garbage a moment later) then takes the services' process hundreds of megabytes above what it holds, on an
// office PC whose few gigabytes are shared with the browser and Excel. A heap grown by half at each collection
// costs about a second of extra collection for a month's four files and keeps the process nearer its real needs
// (bench:roster, same machine: peak 577–667 MB without, 430–470 MB with; by a fifth: about 410 MB, but seven seconds
// more). V8 reads the factor at every collection, so setting it when the process starts is enough.

const GROWTH_PERCENT = 50;

/** Called once where a process that runs the services starts (the services' child, the command line, the benches). */
export function keepHeapSteady(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
}
