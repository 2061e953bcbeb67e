export function ferretdbBinaryPath(): string;
export function buildFerretdb(options?: { quiet?: boolean }): Promise<string>;
