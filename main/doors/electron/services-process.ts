// Entry of the Electron utility process that owns the database: the same services child as the headless host's
// (main/app/services-process/services-child.ts talks through process.parentPort here).
import '../../app/services-process/services-child';
