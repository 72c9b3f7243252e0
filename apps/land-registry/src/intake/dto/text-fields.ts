import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { IsPlainText, normaliseText } from './validation';

/**
 * The free-text fields of the counter's forms, one rule each (house style: composite
 * validators in one place): normalised, plain text, within the lengths the events accept,
 * with the Vietnamese message naming the field.
 */
function text(labelVi: string, min: number, max: number) {
  const rules = [
    Transform(normaliseText),
    IsString({ message: `${labelVi} phải là chuỗi ký tự` }),
    Length(min, max, { message: `${labelVi} từ ${min} đến ${max} ký tự` }),
    IsPlainText(),
  ];
  // Applied last to first, as stacked decorators are.
  return (target: object, propertyName: string): void => {
    for (const rule of [...rules].reverse()) rule(target, propertyName);
  };
}

/** A document's number: "0455/2026/HĐTC", "245/QĐ-UBND", "152/GPXD". */
export const DocumentNumber = (labelVi: string) => text(labelVi, 2, 64);

/** An authority's or an organisation's name: "Ủy ban nhân dân xã Ba Vì", a bank. */
export const BodyName = (labelVi: string) => text(labelVi, 2, 200);

/** A reason or an explanation a person writes. */
export const Explanation = (labelVi: string) => text(labelVi, 5, 300);
