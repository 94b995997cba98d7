import { Injectable } from '@nestjs/common';
import { JOURNEY_MESSAGE_TYPES as J } from '@jejak/contracts';

/** What the tally needs of a message, whether it came from Kafka (ce_ headers) or the feed. */
export interface IncomingEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  /** feed position, when read from the feed */
  position?: number;
}

/**
 * Graduations to TKM Lanjutan per kecamatan: the downstream read model of the example.
 * Delivery is at least once, so every event id is remembered and a repeat is ignored. Graduation
 * events carry no kecamatan, so the tally keeps each case's kecamatan from registration and
 * corrections (Kafka and the feed keep one entrepreneur's events in order), and forgets it when the
 * person is erased: the counts are statistics and stay.
 */
@Injectable()
export class GraduationTally {
  private readonly seen = new Set<string>();
  private readonly kecamatanOf = new Map<string, string>();
  private readonly graduations = new Map<string, number>();
  private duplicates = 0;
  position = 0;

  /** true when applied, false for a duplicate */
  apply(event: IncomingEvent): boolean {
    if (this.seen.has(event.id)) {
      this.duplicates++;
      return false;
    }
    this.seen.add(event.id);
    const entrepreneurId = String(event.data.entrepreneurId);
    switch (event.type) {
      case J.EntrepreneurRegistered:
      case J.EntrepreneurRegionCorrected:
        this.kecamatanOf.set(entrepreneurId, String(event.data.kecamatanCode));
        break;
      case J.GraduatedToLanjutan: {
        const kecamatan = this.kecamatanOf.get(entrepreneurId) ?? 'unknown';
        this.graduations.set(kecamatan, (this.graduations.get(kecamatan) ?? 0) + 1);
        break;
      }
      case J.PersonalDataErased:
        this.kecamatanOf.delete(entrepreneurId);
        break;
      default:
        // Other and future types are not this service's concern: ignoring them is what keeps it compatible.
        break;
    }
    if (event.position !== undefined) this.position = Math.max(this.position, event.position);
    return true;
  }

  report(): { byKecamatan: Record<string, number>; total: number; position: number; duplicatesIgnored: number } {
    const byKecamatan = Object.fromEntries([...this.graduations].sort(([a], [b]) => a.localeCompare(b)));
    const total = [...this.graduations.values()].reduce((a, b) => a + b, 0);
    return { byKecamatan, total, position: this.position, duplicatesIgnored: this.duplicates };
  }

  /** Entrepreneur ids the tally still links to a kecamatan (an erased one must not be among them). */
  knows(entrepreneurId: string): boolean {
    return this.kecamatanOf.has(entrepreneurId);
  }
}
