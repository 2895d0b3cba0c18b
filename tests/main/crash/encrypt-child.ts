import { encryptInPlace } from '../../../main/core/database/encrypt-in-place';
import { migrationsDir } from '../../../main/core/app-paths';

// The process encrypt-crash.test.ts kills: `ansinh db encrypt`'s work on the database, with a passphrase the test
// knows. Prints "start" right before encrypting and "done" after.
const [dbPath, passphrase] = process.argv.slice(2);
process.stdout.write('start\n');
encryptInPlace(dbPath, { migrationsFolder: migrationsDir(), recoveryPassphrase: passphrase, scrypt: { N: 2 ** 14, r: 8, p: 1 } });
process.stdout.write('done\n');
