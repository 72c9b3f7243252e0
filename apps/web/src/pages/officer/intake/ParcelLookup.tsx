import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Spin } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { purposeNameVi, type ParcelRecord } from '../../../forms';

export interface ParcelRef {
  communeCode?: string;
  mapSheetNumber?: number | null;
  parcelNumber?: number | null;
}

/** The statuses of a dossier the land office is done with (the land registry's FINISHED). */
const FINISHED = ['RESULT_READY', 'DONE', 'REFUSED', 'WITHDRAWN'];

interface ListedDossier {
  dossierCode: string;
  status: string;
  statusVi: string;
  procedureVi: string;
}

const complete = (r: ParcelRef): r is Required<ParcelRef> =>
  !!r.communeCode && /^\d{5}$/.test(r.communeCode) && !!r.mapSheetNumber && !!r.parcelNumber;

/**
 * The parcel as the cadastral book holds it (GET /parcels/…), once its three numbers are
 * typed: area, purpose, certificate and holders, and an unfinished dossier on it when the
 * form's validation says so. "Điền theo sổ địa chính" fills what the book knows.
 */
export function ParcelLookup({
  parcelRef,
  activeDossier,
  onFill,
}: {
  parcelRef: ParcelRef;
  /** The validation's 409: the parcel's unfinished dossier, named in its message. */
  activeDossier: string | null | undefined;
  onFill?: (parcel: ParcelRecord) => void;
}) {
  const api = useApi();
  const ref = complete(parcelRef) ? parcelRef : null;
  const parcel = useQuery({
    queryKey: ['parcel', ref],
    enabled: !!ref,
    retry: false,
    queryFn: () =>
      api<ParcelRecord>(
        'land-registry',
        `/parcels/${ref?.communeCode}/${ref?.mapSheetNumber}/${ref?.parcelNumber}`,
      ),
  });
  // The unit's list searched by the parcel: its unfinished dossiers, before anything is typed.
  const open = useQuery({
    queryKey: ['parcel-dossiers', ref],
    enabled: !!parcel.data,
    queryFn: async () =>
      (
        await api<{ items: ListedDossier[] }>('land-registry', '/dossiers', {
          query: { q: `${ref?.communeCode}/${ref?.mapSheetNumber}/${ref?.parcelNumber}` },
        })
      ).items.filter((d) => !FINISHED.includes(d.status)),
  });
  const p = parcel.data;
  return (
    <Card title="Tra cứu sổ địa chính" size="small" className="lt-form-section" aria-live="polite">
      {!ref && <p>Nhập mã xã (5 chữ số), số tờ bản đồ và số thửa để tra cứu.</p>}
      {ref && parcel.isFetching && <Spin aria-label="Đang tra cứu" />}
      {ref && parcel.error && (
        <Alert
          type="warning"
          showIcon
          title={
            parcel.error instanceof ApiError ? parcel.error.message : 'Không tra cứu được thửa đất'
          }
        />
      )}
      {ref && p && !parcel.isFetching && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="Địa chỉ">{p.address}</Descriptions.Item>
            <Descriptions.Item label="Diện tích">
              {(p.areaTenthsM2 / 10).toLocaleString('vi-VN')} m²
            </Descriptions.Item>
            <Descriptions.Item label="Mục đích sử dụng">
              {purposeNameVi(p.purposeCode)}
            </Descriptions.Item>
            <Descriptions.Item label="Giấy chứng nhận">{p.certificate.serial}</Descriptions.Item>
            <Descriptions.Item label="Người sử dụng đất">
              {p.owners.map((o) => o.fullName).join('; ')}
            </Descriptions.Item>
          </Descriptions>
          {(open.data ?? []).map((d) => (
            <Alert
              key={d.dossierCode}
              type="warning"
              showIcon
              title={
                <>
                  Thửa đất đang có hồ sơ{' '}
                  <Link to={`/ho-so/${encodeURIComponent(d.dossierCode)}`}>{d.dossierCode}</Link>{' '}
                  chưa giải quyết xong ({d.procedureVi}: {d.statusVi})
                </>
              }
            />
          ))}
          {activeDossier && <Alert type="error" showIcon title={activeDossier} />}
          {onFill && (
            <Button style={{ marginTop: 8 }} onClick={() => onFill(p)}>
              Điền theo sổ địa chính
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
