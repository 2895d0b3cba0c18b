// Where the app keeps its files, for the doors (which never import main/core themselves).
export { appDataDir, defaultDatabasePath, projectRoot } from '../core/app-paths';
