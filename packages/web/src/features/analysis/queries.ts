import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { AnalysisControls } from './params.js';

export const analysisKeys = {
  all: ['analysis'] as const,
  result: (controls: AnalysisControls) => [...analysisKeys.all, controls] as const,
};

export const requirementKeys = {
  all: ['requirements'] as const,
  list: () => [...requirementKeys.all, 'list'] as const,
};

export function useAnalysis(controls: AnalysisControls, options: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: analysisKeys.result(controls),
    queryFn: ({ signal }) => api.analysis(controls, signal),
    // Keep the previous answer on screen while another date or currency is analysed.
    placeholderData: (previous) => previous,
  });
}

export function useRequirements() {
  return useQuery({ queryKey: requirementKeys.list(), queryFn: ({ signal }) => api.requirements(signal) });
}
