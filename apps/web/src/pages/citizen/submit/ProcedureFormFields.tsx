import { Button, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { FieldSpec, namePath, SectionSpec } from './field-specs';

const VND = new Intl.NumberFormat('vi-VN');

/** The checks a person sees as they type; the API's own messages come on submit. */
function rulesOf(f: FieldSpec): Rule[] {
  const rules: Rule[] = [];
  if (f.required)
    rules.push({
      required: true,
      message:
        f.kind === 'select' ? `Chọn ${f.labelVi.toLowerCase()}` : `Cần ${f.labelVi.toLowerCase()}`,
    });
  if (f.kind === 'citizenId')
    rules.push({ pattern: /^\d{12}$/, message: 'Số định danh cá nhân gồm 12 chữ số' });
  if (f.kind === 'phone')
    rules.push({ pattern: /^0\d{9}$/, message: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0' });
  if (f.kind === 'email')
    rules.push({ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ' });
  return rules;
}

function inputOf(f: FieldSpec) {
  switch (f.kind) {
    case 'textarea':
      return <Input.TextArea rows={3} maxLength={300} />;
    case 'integer':
      return <InputNumber min={1} precision={0} style={{ width: '100%', maxWidth: 200 }} />;
    case 'money':
      return (
        <InputNumber<number>
          min={0}
          precision={0}
          style={{ width: '100%', maxWidth: 280 }}
          formatter={(v) =>
            v === undefined || v === null || `${v}` === '' ? '' : VND.format(Number(v))
          }
          parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
        />
      );
    case 'date':
      // The phone's own date picker; the value is already yyyy-MM-dd as the API takes it.
      return <Input type="date" style={{ maxWidth: 220 }} />;
    case 'select':
      return <Select options={f.options?.map((o) => ({ value: o.value, label: o.labelVi }))} />;
    case 'checkbox':
      return <Checkbox>{f.labelVi}</Checkbox>;
    case 'citizenId':
      return <Input inputMode="numeric" maxLength={12} autoComplete="off" />;
    case 'phone':
      return <Input type="tel" inputMode="tel" maxLength={10} autoComplete="tel" />;
    case 'email':
      return <Input type="email" autoComplete="email" />;
    case 'text':
      return <Input />;
  }
}

function Field({ f, prefix }: { f: FieldSpec; prefix?: number }) {
  const name = prefix === undefined ? namePath(f.name) : [prefix, ...namePath(f.name)];
  return (
    <Form.Item
      name={name}
      label={f.kind === 'checkbox' ? undefined : f.labelVi}
      extra={f.extraVi}
      rules={rulesOf(f)}
      valuePropName={f.kind === 'checkbox' ? 'checked' : 'value'}
    >
      {inputOf(f)}
    </Form.Item>
  );
}

/** One section of a procedure's form; a repeated one shows a group per person, to add or remove. */
export function FormSection({ section }: { section: SectionSpec }) {
  const list = section.list;
  return (
    <fieldset className="lt-fieldset">
      <legend>{section.titleVi}</legend>
      {!list ? (
        section.fields.map((f) => <Field key={f.name} f={f} />)
      ) : (
        <Form.List name={list.name}>
          {(items, { add, remove }) => (
            <>
              {items.map((item, index) => (
                <fieldset key={item.key} className="lt-fieldset lt-fieldset-item">
                  <legend>
                    {list.itemVi} {index + 1}
                  </legend>
                  {section.fields.map((f) => (
                    <Field key={f.name} f={f} prefix={item.name} />
                  ))}
                  {items.length > 1 && (
                    <Button danger onClick={() => remove(item.name)}>
                      Bỏ {list.itemVi.toLowerCase()} {index + 1}
                    </Button>
                  )}
                </fieldset>
              ))}
              {items.length < list.max && <Button onClick={() => add({})}>{list.addVi}</Button>}
            </>
          )}
        </Form.List>
      )}
    </fieldset>
  );
}
