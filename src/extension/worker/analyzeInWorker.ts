// What the worker does with one request: the same analysis the host would run (analyze() never
// throws; if it does, the failure becomes a Report saying so, exactly as on the host).

import { analyzeSession } from '../../analysis';
import type { Report } from '../../report';
import { failedReport } from '../reports/failedReport';
import type { AnalysisRequest, AnalysisResponse } from './protocol';

export function analyzeText(text: string, options: AnalysisRequest['options']): Report {
  try {
    return analyzeSession(text, options).report;
  } catch (e) {
    return failedReport(e instanceof Error ? e.message : String(e));
  }
}

export function answer(request: AnalysisRequest): AnalysisResponse {
  return { id: request.id, report: analyzeText(request.text, request.options) };
}
