import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Skeleton, Typography } from 'antd';
import { callApi } from '../../../api/client';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { TrackingForm } from './TrackingForm';
import { TrackingResult } from './TrackingResult';
import { SECRET_PATTERN, TrackedDossier } from './tracking-api';

/**
 * Public tracking: /tra-cuu?ma=<dossier code>&bi-mat=<secret>. With both (the link on the
 * receipt) the dossier shows at once; with the code only (the SMS link) the secret is asked.
 */
export function TrackingPage() {
  const [params, setParams] = useSearchParams();
  const code = params.get('ma') ?? '';
  const secret = params.get('bi-mat') ?? '';
  const ready = code !== '' && SECRET_PATTERN.test(secret);
  const tracked = useQuery({
    queryKey: ['tracking', code, secret],
    enabled: ready,
    queryFn: () =>
      callApi<TrackedDossier>('land-registry', `/tracking/${encodeURIComponent(code)}`, {
        query: { secret },
      }),
  });
  return (
    <>
      <Typography.Title level={1}>Tra cứu tiến độ hồ sơ</Typography.Title>
      <TrackingForm
        key={`${code}|${secret}`}
        initial={{ code, secret }}
        loading={ready && tracked.isFetching}
        onSubmit={(v) => setParams({ ma: v.code, 'bi-mat': v.secret }, { replace: true })}
      />
      <ApiErrorAlert error={tracked.error} />
      {ready && tracked.isPending && <Skeleton active />}
      {tracked.data && <TrackingResult d={tracked.data} />}
    </>
  );
}
