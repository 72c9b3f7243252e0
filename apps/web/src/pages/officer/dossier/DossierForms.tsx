import { Button, Space } from 'antd';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useDownload } from '../../../forms';
import type { OfficerDossier } from './dossier-api';
import { formsFor } from './printable-forms';

/** The print buttons of the forms that apply now: each PDF fetched with the token, then saved. */
export function DossierForms({ d }: { d: OfficerDossier }) {
  const { download, pending, error } = useDownload();
  const code = encodeURIComponent(d.dossierCode);
  return (
    <>
      <Space wrap>
        {formsFor(d).map((f) => {
          const path = `/dossiers/${code}/forms/${f.kind}`;
          return (
            <Button
              key={f.kind}
              loading={pending === path}
              onClick={() => void download('land-registry', path, `${f.kind}-${d.dossierCode}.pdf`)}
            >
              In {f.labelVi.toLowerCase()}
            </Button>
          );
        })}
      </Space>
      <ApiErrorAlert error={error} />
    </>
  );
}
