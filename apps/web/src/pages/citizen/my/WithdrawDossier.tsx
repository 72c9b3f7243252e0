import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { ApiError } from '../../../api/client';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { useApi } from '../../../api/use-api';
import { MY_KEYS, MyDossierView } from './my-dossiers-api';

/**
 * Withdrawal by the applicant before registration: the reason is asked in a dialog; the land
 * registry voids what is unpaid and tells the other agencies.
 */
export function WithdrawDossier({ code }: { code: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reasonVi: string }>();
  const withdraw = useMutation({
    mutationFn: (reasonVi: string) =>
      api<MyDossierView>('land-registry', `/dossiers/${encodeURIComponent(code)}/withdrawal`, {
        method: 'POST',
        body: { reasonVi },
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(MY_KEYS.dossier(code), view);
      void queryClient.invalidateQueries({ queryKey: MY_KEYS.list });
      setOpen(false);
      form.resetFields();
      void message.success(`Đã rút hồ sơ ${code}.`);
    },
  });
  const fieldErrors = withdraw.error instanceof ApiError ? withdraw.error.fieldErrors : [];
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        Rút hồ sơ
      </Button>
      <Modal
        open={open}
        title={`Rút hồ sơ ${code}`}
        okText="Rút hồ sơ"
        okButtonProps={{ danger: true }}
        cancelText="Hủy"
        confirmLoading={withdraw.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <p>
          Hồ sơ đã rút không được giải quyết tiếp; muốn làm lại thủ tục, bạn phải nộp hồ sơ mới.
        </p>
        <Form form={form} layout="vertical" onFinish={(v) => withdraw.mutate(v.reasonVi)}>
          <Form.Item
            name="reasonVi"
            label="Lý do rút hồ sơ"
            rules={[{ required: true, min: 5, message: 'Lý do từ 5 ký tự trở lên' }]}
            validateStatus={fieldErrors.length > 0 ? 'error' : undefined}
            help={fieldErrors.map((f) => f.message).join('; ') || undefined}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
        <ApiErrorAlert error={withdraw.error} />
      </Modal>
    </>
  );
}
