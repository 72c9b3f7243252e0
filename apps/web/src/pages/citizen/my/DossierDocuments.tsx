import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Skeleton, Tag } from 'antd';
import { callApi } from '../../../api/client';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useApi } from '../../../api/use-api';
import { useAuth } from '../../../auth/auth-context';
import { formatDateTime } from '../../../format/format';
import { ProcedureDetail, RequiredDocument } from '../catalogue/catalogue-api';
import { downloadFile } from '../../../api/download';
import { localProblemOf, uploadDocument } from './files';
import { DossierDocument, formatSize, MY_KEYS, UPLOAD_LIMITS } from './my-dossiers-api';
import './my.css';

/**
 * The procedure's checklist (the catalogue's documents) with what the citizen has uploaded for
 * each item, a file chooser per item and the uploaded files to download again. Documents a
 * national database replaces are named, not asked for.
 */
export function DossierDocuments({
  code,
  procedureKey,
  readOnly = false,
}: {
  code: string;
  procedureKey: string;
  readOnly?: boolean;
}) {
  const api = useApi();
  const checklist = useQuery({
    queryKey: ['procedure', procedureKey],
    queryFn: () =>
      callApi<ProcedureDetail>('land-registry', `/procedures/${encodeURIComponent(procedureKey)}`),
  });
  const uploaded = useQuery({
    queryKey: MY_KEYS.documents(code),
    queryFn: () =>
      api<{ items: DossierDocument[] }>(
        'land-registry',
        `/dossiers/${encodeURIComponent(code)}/documents`,
      ),
  });
  if (checklist.isPending || uploaded.isPending) return <Skeleton active />;
  const docs = checklist.data?.documents ?? [];
  const asked = docs.filter((d) => !d.replacedBy);
  const replaced = docs.filter((d) => d.replacedBy);
  const items = uploaded.data?.items ?? [];
  return (
    <>
      <ApiErrorAlert error={checklist.error ?? uploaded.error} />
      <ol className="lt-checklist">
        {asked.map((doc) => (
          <ChecklistItem
            key={doc.code}
            code={code}
            doc={doc}
            files={items.filter((f) => f.kind === doc.code)}
            readOnly={readOnly}
          />
        ))}
      </ol>
      {replaced.length > 0 && (
        <p>
          Không phải nộp (cán bộ tra cứu cơ sở dữ liệu quốc gia):{' '}
          {replaced.map((d) => d.nameVi).join('; ')}.
        </p>
      )}
    </>
  );
}

function ChecklistItem({
  code,
  doc,
  files,
  readOnly,
}: {
  code: string;
  doc: RequiredDocument;
  files: DossierDocument[];
  readOnly: boolean;
}) {
  const { accessToken } = useAuth();
  const queryClient = useQueryClient();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const problem = localProblemOf(file);
      if (problem) throw problem;
      return uploadDocument(accessToken, code, doc.code, file);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: MY_KEYS.documents(code) }),
  });
  const input = useRef<HTMLInputElement>(null);
  return (
    <li>
      <div>
        <div>
          <strong>{doc.nameVi}</strong> {doc.required ? <Tag>Bắt buộc</Tag> : <Tag>Nếu có</Tag>}
          {files.length > 0 && <span className="lt-badge lt-badge-early">Đã nộp</span>}
        </div>
        {doc.noteVi && <small>{doc.noteVi}</small>}
        {files.length > 0 && (
          <ul aria-label={`Tệp đã nộp: ${doc.nameVi}`}>
            {files.map((f) => (
              <li key={f.documentId}>
                <Button
                  type="link"
                  className="lt-wrap-button"
                  style={{ padding: 0 }}
                  onClick={() =>
                    void downloadFile(
                      'land-registry',
                      `/dossiers/${encodeURIComponent(code)}/documents/${encodeURIComponent(f.documentId)}`,
                      accessToken,
                      f.fileName,
                    ).catch(setDownloadError)
                  }
                >
                  {f.fileName}
                </Button>{' '}
                ({formatSize(f.size)}, {formatDateTime(f.uploadedAt)})
              </li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <div className="lt-upload">
            {/* A button of the page's language opens the chooser (a bare file input speaks the browser's). */}
            <Button
              className="lt-wrap-button"
              loading={upload.isPending}
              onClick={() => input.current?.click()}
            >
              <span>
                Chọn tệp tải lên<span className="lt-sr-only">: {doc.nameVi}</span>
              </span>
            </Button>
            <small>PDF, JPEG hoặc PNG, tối đa 10 MB</small>
            <input
              ref={input}
              type="file"
              hidden
              accept={UPLOAD_LIMITS.accept}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) upload.mutate(file);
              }}
            />
            {upload.isPending && <span role="status">Đang tải lên…</span>}
            {upload.isSuccess && (
              <Alert
                type="success"
                showIcon
                role="status"
                title={`Đã nộp ${upload.data.fileName}`}
              />
            )}
          </div>
        )}
        <ApiErrorAlert error={upload.error ?? downloadError} />
      </div>
    </li>
  );
}
