import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, stressEventsUrl } from '../../api/client.js';
import type { StressRequest } from '../../api/types.js';

export const stressKeys = {
  all: ['stress-tests'] as const,
  list: () => [...stressKeys.all, 'list'] as const,
  run: (id: string) => [...stressKeys.all, 'run', id] as const,
};

export function useStressRuns() {
  return useQuery({ queryKey: stressKeys.list(), queryFn: ({ signal }) => api.stressRuns(signal) });
}

export function useStressRun(id: string | null) {
  return useQuery({
    queryKey: stressKeys.run(id ?? ''),
    queryFn: ({ signal }) => api.stressRun(id ?? '', signal),
    enabled: id !== null,
  });
}

export function useStartStress() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: StressRequest) => api.startStress(request),
    onSuccess: () => void client.invalidateQueries({ queryKey: stressKeys.list() }),
  });
}

/** Follows a running run's server-sent events; when it ends, the run and the list are fetched again. */
export function useStressProgress(
  id: string | null,
  running: boolean,
): { done: number; total: number } | null {
  const client = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    if (!id || !running) return;
    const source = new EventSource(stressEventsUrl(id));
    source.addEventListener('progress', (event) =>
      setProgress(JSON.parse((event as MessageEvent<string>).data) as { done: number; total: number }),
    );
    const end = () => {
      source.close();
      void client.invalidateQueries({ queryKey: stressKeys.all });
    };
    source.addEventListener('done', end);
    source.addEventListener('failed', end);
    source.onerror = end;
    return () => source.close();
  }, [id, running, client]);
  return progress;
}
