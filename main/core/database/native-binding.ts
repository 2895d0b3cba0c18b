// Under Electron the addon is a separate build for Electron's ABI (scripts/prepare-electron-native.mjs).
export const nativeBinding = process.env.ANSINH_SQLITE_BINDING || undefined;
