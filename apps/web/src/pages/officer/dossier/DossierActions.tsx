import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { ApiError } from '../../../api/client';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useApi } from '../../../api/use-api';
import { DossierAction, OfficerDossier } from './dossier-api';

/** The buttons of the actions allowed now; one that needs a text asks for it in a dialog. */
export function DossierActions({
  dossier,
  actions,
}: {
  dossier: OfficerDossier;
  actions: DossierAction[];
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<DossierAction | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const run = useMutation({
    mutationFn: ({ action, text }: { action: DossierAction; text?: string }) =>
      api<OfficerDossier>('land-registry', action.path, {
        method: 'POST',
        ...(action.text ? { body: { [action.text.field]: text } } : {}),
      }),
    onSuccess: (updated, { action }) => {
      queryClient.setQueryData(['dossier', dossier.dossierCode], updated);
      void queryClient.invalidateQueries({ queryKey: ['queue'] });
      setAsking(null);
      form.resetFields();
      void message.success(`${action.labelVi}: đã xong.`);
    },
  });
  if (actions.length === 0) return <p>Bạn không có thao tác nào với hồ sơ ở bước này.</p>;
  const fieldErrors = run.error instanceof ApiError ? run.error.fieldErrors : [];
  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a.key}
            type={a.danger ? 'default' : 'primary'}
            danger={a.danger}
            loading={run.isPending && run.variables?.action.key === a.key}
            onClick={() => (a.text ? setAsking(a) : run.mutate({ action: a }))}
          >
            {a.labelVi}
          </Button>
        ))}
      </Space>
      {!asking && <ApiErrorAlert error={run.error} />}
      <Modal
        open={!!asking}
        title={asking?.labelVi}
        okText={asking?.labelVi}
        cancelText="Hủy"
        confirmLoading={run.isPending}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => asking && run.mutate({ action: asking, text: v.text })}
        >
          <Form.Item
            name="text"
            label={asking?.text?.labelVi}
            rules={[{ required: true, min: 5, message: 'Từ 5 ký tự trở lên' }]}
            validateStatus={fieldErrors.length > 0 ? 'error' : undefined}
            help={fieldErrors.map((f) => f.message).join('; ') || undefined}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
        <ApiErrorAlert error={run.error} />
      </Modal>
    </>
  );
}
