import { Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { namePathOf } from './field-errors';
import type { FieldSpec, FormSection, ProcedureFormSpec } from './form-spec';
import './forms.css';

const VND = new Intl.NumberFormat('vi-VN');
const M2 = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const blank = (v: unknown) => v === undefined || v === null || `${v}` === '';

/** "1.200,5" (m², as Vietnamese write it) → 12005 tenths of a m²; empty stays empty. */
function tenthsOfM2(text: string | undefined): number | '' {
  const plain = (text ?? '').replace(/[^\d,]/g, '').replace(',', '.');
  return plain === '' || Number.isNaN(Number(plain)) ? '' : Math.round(Number(plain) * 10);
}
const YES_NO = [
  { value: true, label: 'Có' },
  { value: false, label: 'Không' },
];

/**
 * The input of one field. Form.Item hands its child the id, value and onChange: they are
 * passed on to the input, or the form would hold nothing and the label name nothing.
 */
function Control({ field, ...control }: { field: FieldSpec; [prop: string]: unknown }) {
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea rows={3} {...control} />;
    case 'citizenId':
      return <Input inputMode="numeric" maxLength={12} autoComplete="off" {...control} />;
    case 'phone':
      return <Input type="tel" inputMode="tel" autoComplete="off" {...control} />;
    case 'email':
      return <Input type="email" autoComplete="off" {...control} />;
    case 'date':
      // The native date input: the phone's own picker, and the yyyy-MM-dd the API takes.
      return <Input type="date" {...control} />;
    case 'integer':
      return <InputNumber<number> precision={0} style={{ width: '100%' }} {...control} />;
    case 'vnd':
      return (
        <InputNumber<number>
          precision={0}
          style={{ width: '100%' }}
          formatter={(v) => (blank(v) ? '' : VND.format(Number(v)))}
          // Cleared: empty (not 0), so that an optional amount is left out.
          parser={(v) => {
            const digits = (v ?? '').replace(/\D/g, '');
            return (digits === '' ? '' : Number(digits)) as number;
          }}
          {...control}
        />
      );
    case 'areaM2':
      return (
        <InputNumber<number>
          style={{ width: '100%' }}
          suffix="m²"
          inputMode="decimal"
          formatter={(v) => (blank(v) ? '' : M2.format(Number(v) / 10))}
          parser={(v) => tenthsOfM2(v) as number}
          {...control}
        />
      );
    case 'select':
      return <Select options={field.options} {...control} />;
    case 'boolean':
      return <Select allowClear options={YES_NO} {...control} />;
    case 'text':
      return <Input autoComplete={field.autoComplete ?? 'off'} {...control} />;
  }
}

function Field({ field, prefix = [] }: { field: FieldSpec; prefix?: (string | number)[] }) {
  return (
    <Form.Item
      name={[...prefix, ...namePathOf(field.name)]}
      label={field.labelVi}
      required={field.required}
      extra={field.helpVi}
    >
      <Control field={field} />
    </Form.Item>
  );
}

function Section({ section }: { section: FormSection }) {
  if (section.kind === 'group')
    return (
      <Card title={section.titleVi} size="small" className="lt-form-section">
        {section.descriptionVi && (
          <Typography.Paragraph>{section.descriptionVi}</Typography.Paragraph>
        )}
        <div className="lt-form-grid">
          {section.fields.map((f) => (
            <Field key={f.name} field={f} />
          ))}
        </div>
      </Card>
    );
  return (
    <Card title={section.titleVi} size="small" className="lt-form-section">
      <Form.List name={section.name}>
        {(items, { add, remove }) => (
          <>
            {items.map((item, i) => (
              <fieldset key={item.key} className="lt-form-item">
                <legend>
                  {section.itemTitleVi} {i + 1}
                </legend>
                <div className="lt-form-grid">
                  {section.fields.map((f) => (
                    <Field key={f.name} field={f} prefix={[item.name]} />
                  ))}
                </div>
                {items.length > section.min && (
                  <Button danger onClick={() => remove(item.name)}>
                    Bỏ {section.itemTitleVi.toLowerCase()} {i + 1}
                  </Button>
                )}
              </fieldset>
            ))}
            {items.length < section.max && (
              <Button onClick={() => add({ ...section.newItem })}>
                Thêm {section.itemTitleVi.toLowerCase()}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}

/**
 * The inputs of a procedure's form, inside the page's own AntD <Form> (which holds the
 * values, the live validation and the submit): one card per section.
 */
export function ProcedureFormFields({
  spec,
  only,
}: {
  spec: ProcedureFormSpec;
  /** Render only these sections (by key), e.g. to put the parcel look-up beside its card. */
  only?: string[];
}) {
  return (
    <>
      {spec.sections
        .filter((s) => !only || only.includes(s.key))
        .map((s) => (
          <Section key={s.key} section={s} />
        ))}
    </>
  );
}
