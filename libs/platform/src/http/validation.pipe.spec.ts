import { IsInt, IsNotEmpty, IsString, Max, MaxLength, validate } from 'class-validator';
import { fieldErrors } from './validation.pipe';

class Visit {
  @IsNotEmpty() @IsString() @MaxLength(200) note!: string;
  @IsInt() @Max(500) workers!: number;
  /** a rule with a value and no type rule in front of it */
  @MaxLength(12) code!: string;
}

const errorsOf = async (body: object) => fieldErrors(await validate(Object.assign(new Visit(), body), { validationError: { target: true, value: false } }));
const summary = (errors: Awaited<ReturnType<typeof errorsOf>>) => errors.map((e) => `${e.field} ${e.code}`).sort();

describe('fieldErrors: one message for the one thing to fix', () => {
  it('tells a missing required field as required only', async () => {
    expect(summary(await errorsOf({ workers: 3, code: 'A' }))).toEqual(['note isNotEmpty']);
    expect(summary(await errorsOf({ note: '', workers: 3, code: 'A' }))).toEqual(['note isNotEmpty']);
  });

  it('tells a wrong type as such, not as the bounds it also fails', async () => {
    expect(summary(await errorsOf({ note: 7, workers: '3', code: 'A' }))).toEqual(['note isString', 'workers isInt']);
  });

  it('tells every rule a value of the right type breaks', async () => {
    expect(summary(await errorsOf({ note: 'x'.repeat(201), workers: 501, code: 'ABCDEFGHIJKLM' }))).toEqual(['code maxLength', 'note maxLength', 'workers max']);
  });

  it('names the rule’s values from the DTO even when the value validated is not an instance of it (a list body)', async () => {
    const errors = fieldErrors(await validate(Object.assign(new Visit(), { note: 'n', workers: 3, code: 'ABCDEFGHIJKLM' })), Visit);
    expect(errors).toEqual([expect.objectContaining({ field: 'code', code: 'maxLength', params: { constraint1: 12 } })]);
    const detached = (await validate(Object.assign(new Visit(), { note: 'n', workers: 3, code: 'ABCDEFGHIJKLM' }), { validationError: { target: false } })).map((e) => ({ ...e }));
    expect(fieldErrors(detached, Visit)[0].params).toEqual({ constraint1: 12 });
  });
});
