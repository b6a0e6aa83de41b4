/** `keyvault-sync --help`, from the option table. */
import { CLI_OPTIONS, COMMANDS, EXIT_CODES, envVariable } from "./options.ts";

export function renderHelp(version: string): string {
  const lines = [
    `keyvault-sync ${version}: sync dotenv files and JSON secrets into Azure Key Vault, with a plan first.`,
    "",
    "Usage: keyvault-sync <plan|apply> --vault NAME --owner TEXT --env-file .env [options]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, text]) => `  ${name.padEnd(7)}${text}`),
    "",
    "Options (each also read from the environment variable shown):",
  ];
  for (const option of CLI_OPTIONS) {
    const flag = `--${option.name}${option.placeholder === undefined ? "" : ` ${option.placeholder}`}`;
    const env = option.name === "help" || option.name === "version" ? "" : `  [${envVariable(option)}]`;
    lines.push(`  ${flag}`, `      ${option.description}${env}`);
  }
  lines.push("", "Exit codes:", ...EXIT_CODES.map((exit) => `  ${exit.code}  ${exit.meaning}`), "");
  return `${lines.join("\n")}\n`;
}
