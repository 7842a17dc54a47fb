// The Report shown when analyze() itself failed: one error on line 1, nothing else. Pure.

import { emptyReport, type Report } from '../../report';

export function failedReport(message: string): Report {
  return emptyReport([
    {
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      severity: 'error',
      message: `Unroll could not analyse this file: ${message}`,
      code: 'internal',
    },
  ]);
}
