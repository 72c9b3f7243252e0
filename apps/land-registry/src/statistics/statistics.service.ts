import { Injectable } from '@nestjs/common';
import { addDays, daysBetween, isLocalDate, vietnamInstant } from '@lien-thong/calendar';
import { Actor, DomainException, unitCovers } from '@lien-thong/platform';
import { computeStatistics } from './statistics';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsQueryDto } from './dto/statistics-query.dto';

/** A year and a day at most: the yearly report is the longest anyone asks for. */
const MAX_DAYS = 366;

/** The figures of a unit over a period, for its officers (or those of a unit above it). */
@Injectable()
export class StatisticsService {
  constructor(private readonly repository: StatisticsRepository) {}

  async of(actor: Actor, query: StatisticsQueryDto, now = new Date()) {
    const unit = query.unit ?? actor.unit ?? '';
    if (!unitCovers(actor.unit, unit))
      throw new DomainException(
        'STATISTICS.UNIT_NOT_COVERED',
        'Chỉ xem được thống kê của đơn vị mình và các đơn vị trực thuộc',
        403,
      );
    const real = isLocalDate(query.from) && isLocalDate(query.to);
    const days = real ? daysBetween(query.from, query.to) : -1;
    if (days < 0 || days >= MAX_DAYS)
      throw new DomainException(
        'STATISTICS.PERIOD_INVALID',
        `Kỳ thống kê phải có từ ngày không sau đến ngày và dài không quá ${MAX_DAYS} ngày`,
        400,
      );
    const period = {
      start: vietnamInstant(query.from, '00:00'),
      end: vietnamInstant(addDays(query.to, 1), '00:00'),
    };
    const dossiers = await this.repository.ofPeriod(unit, period);
    return { unit, from: query.from, to: query.to, ...computeStatistics(dossiers, period, now) };
  }
}
