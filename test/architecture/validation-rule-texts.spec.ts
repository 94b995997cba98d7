import { IsEmail, IsInt, Matches, Max } from 'class-validator';
import { expectSameSpecifics } from '../../libs/platform/src/http/testing/problem-specifics';
import { API_PROBLEM_TEXTS } from './problem-codes';
import { dtoClassesInSource, ruleUses, type RuleUse } from './validation-rules';

/** What a use of a rule has no text for, named where it is used. */
const withoutText = (uses: readonly RuleUse[]): string[] => [...new Set(uses.filter((u) => !(u.key in API_PROBLEM_TEXTS)).map((u) => `${u.key} (${u.where})`))];

/** The rule's values (`$constraint1`…: a length, a bound, each allowed value). */
const valuesOf = ({ params }: RuleUse): string[] =>
  Object.entries(params).flatMap(([name, value]) => (!name.startsWith('constraint') ? [] : Array.isArray(value) ? value : [String(value)]));

class PostalAddressDto {
  @IsEmail() email!: string;
  @Matches(/^\d{5}$/, { context: { format: 'postcode' } }) postcode!: string;
  @IsInt() @Max(9) floor!: number;
}

/**
 * Caseworkers read Indonesian (api.md, Language): every rule a request DTO uses has an Indonesian
 * text for its field errors, found from the rules class-validator holds for the DTOs in the source.
 */
describe('Indonesian texts of request validation', () => {
  let uses: RuleUse[];
  beforeAll(async () => {
    uses = ruleUses(await dtoClassesInSource());
  });

  it('finds the rules of the DTOs in the source, with their values', () => {
    const keys = new Set(uses.map((u) => u.key));
    for (const key of ['isNotEmpty', 'maxLength', 'isIn', 'min', 'max', 'isUuid', 'isCalendarDate', 'matches.nik', 'matches.regionPrefix', 'arrayUnique', 'isIso8601', 'unknownField'])
      expect(keys).toContain(key);
    expect(uses).toContainEqual(expect.objectContaining({ key: 'maxLength', field: 'fullName', params: { constraint1: 200 }, where: 'RegisterEntrepreneurDto.fullName' }));
    expect(uses).toContainEqual(expect.objectContaining({ key: 'isIn', field: 'obstacles', params: expect.objectContaining({ each: true }) }));
  });

  it('would see a rule without a text, and a named format without its own', () => {
    expect(withoutText(ruleUses([PostalAddressDto]))).toEqual(['isEmail (PostalAddressDto.email)', 'matches.postcode (PostalAddressDto.postcode)']);
  });

  it('has one for every rule the DTOs use', () => {
    expect(withoutText(uses)).toEqual([]);
  });

  it('names in every one what the English names: the field and the rule’s values', () => {
    for (const use of uses) {
      const indonesian = API_PROBLEM_TEXTS[use.key]({ field: use.field, ...use.params });
      expectSameSpecifics(use.english, indonesian, use.field);
      const named = valuesOf(use).filter((value) => use.english.includes(value));
      expect({ english: use.english, indonesian, lacks: named.filter((value) => !indonesian.includes(value)) }).toEqual({ english: use.english, indonesian, lacks: [] });
    }
    expect(uses.find((u) => u.where === 'RegisterEntrepreneurDto.fullName' && u.key === 'maxLength')?.english).toBe('fullName must be shorter than or equal to 200 characters');
  });
});
