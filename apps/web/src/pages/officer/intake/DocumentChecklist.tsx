import { Card, Checkbox, Tag } from 'antd';
import type { RequiredDocument } from '../../citizen/catalogue/catalogue-api';
import { LOOKUP_VI } from './intake-api';

/** Whether every required document a database does not replace has been received. */
export function checklistComplete(documents: RequiredDocument[], received: string[]): boolean {
  return documents.every((d) => !d.required || d.replacedBy || received.includes(d.code));
}

/**
 * The catalogue's documents of the procedure, ticked as the officer receives them; those a
 * national database replaces are looked up, not asked for (Decree 45/2020/ND-CP, Art. 9).
 */
export function DocumentChecklist({
  documents,
  received,
  onChange,
}: {
  documents: RequiredDocument[];
  received: string[];
  onChange: (codes: string[]) => void;
}) {
  return (
    <Card title="Thành phần hồ sơ đã nhận" size="small" className="lt-form-section">
      <ul className="lt-checklist">
        {documents.map((d) => (
          <li key={d.code}>
            {d.replacedBy ? (
              <>
                <span>{d.nameVi}</span>{' '}
                <Tag color="blue">
                  Không yêu cầu nộp: tra cứu {LOOKUP_VI[d.replacedBy] ?? d.replacedBy}
                </Tag>
              </>
            ) : (
              <Checkbox
                checked={received.includes(d.code)}
                onChange={(e) =>
                  onChange(
                    e.target.checked ? [...received, d.code] : received.filter((c) => c !== d.code),
                  )
                }
              >
                {d.nameVi}
                {d.copies > 1 ? ` (${d.copies} bản)` : ''}
                {d.required ? '' : ' (nếu có)'}
              </Checkbox>
            )}
            {d.noteVi && <div className="lt-checklist-note">{d.noteVi}</div>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
