import { useState } from 'react';
import { Button, Space } from 'antd';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useAuth } from '../../../auth/auth-context';
import { downloadFile } from '../../../api/download';
import { FORM_VI, FormKind } from './my-dossiers-api';
import './my.css';

/** The printable forms of a dossier its party may download now (PDF made by the land registry). */
export function DossierDownloads({ code, forms }: { code: string; forms: FormKind[] }) {
  const { accessToken } = useAuth();
  const [busy, setBusy] = useState<FormKind | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (forms.length === 0) return <p>Chưa có giấy tờ nào để tải về.</p>;
  const download = async (kind: FormKind) => {
    setBusy(kind);
    setError(null);
    try {
      await downloadFile(
        'land-registry',
        `/dossiers/${encodeURIComponent(code)}/forms/${kind}`,
        accessToken,
        `${kind}-${code}.pdf`,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Space wrap>
        {forms.map((kind) => (
          <Button key={kind} loading={busy === kind} onClick={() => void download(kind)}>
            Tải {FORM_VI[kind].toLowerCase()} (PDF)
          </Button>
        ))}
      </Space>
      <ApiErrorAlert error={error} />
    </>
  );
}
