// Every capability's synced tables, registered with the write path: what sync sends and applies must be known by the
// process that does it (secret fields, compact inserts), whichever door started it. Clinic visits never travel.
import '../registry/synced-tables';
import '../identity/synced-tables';
import '../identity/duplicates-tables';
import '../payout/synced-tables';
import '../accounts/synced-tables';
import '../card/synced-tables';
import '../excel/synced-tables';
