// make lint's eslint output in the project's shape: one line per problem, `FILE:LINE:COLUMN: message (rule).
// Fix: …`, the path relative to the project, so an editor jumps to it like to any other problem.
import { relative } from "node:path";

export default function format(results) {
  const lines = [];
  for (const result of results) {
    const file = relative(process.cwd(), result.filePath);
    for (const message of result.messages) {
      const rule = message.ruleId ? ` (${message.ruleId})` : "";
      const fix = message.ruleId
        ? `see https://eslint.org/docs/latest/rules/${message.ruleId}`
        : "correct the syntax there";
      const kind = message.severity === 1 ? "warning: " : "";
      lines.push(`${file}:${message.line ?? 1}:${message.column ?? 1}: ${kind}${message.message.replace(/\.$/, "")}${rule}. Fix: ${fix}`);
    }
  }
  return lines.join("\n");
}
