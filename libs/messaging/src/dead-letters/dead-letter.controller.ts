import { Controller, Get, HttpCode, Ip, Optional, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuditLog } from '@lien-thong/audit';
import { Actor, CurrentActor, maskPersonalData, Role, Roles } from '@lien-thong/platform';
import { DeadLetterService } from './dead-letter.service';
import type { DeadLetterFilter } from './dead-letter.repository';
import { DeadLetterView, ReplayedCountView } from './dto/dead-letter-views.dto';

class ListDeadLettersQuery {
  @IsOptional()
  @IsIn(['pending', 'replayed', 'all'], {
    message: 'Trạng thái phải là pending, replayed hoặc all',
  })
  status?: DeadLetterFilter;
}

/**
 * For the engineer on call (the operator role): what failed, why, and replay after the fix.
 * Citizens' IDs, phones and e-mail addresses in the stored events are masked in the list.
 */
@ApiTags('admin: dead letters')
@Roles(Role.Operator)
@Controller('admin/dead-letters')
export class DeadLetterController {
  constructor(
    private readonly deadLetters: DeadLetterService,
    // Every service on the bus keeps an audit log; a test fixture may not.
    @Optional() private readonly audit?: AuditLog,
  ) {}

  @Get()
  @ApiOkResponse({ type: [DeadLetterView] })
  async list(@Query() query: ListDeadLettersQuery) {
    return maskPersonalData(await this.deadLetters.list(query.status ?? 'pending'));
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOkResponse({ type: ReplayedCountView })
  async replayAll(@CurrentActor() actor: Actor, @Ip() ip: string) {
    const replayed = await this.deadLetters.replayAll();
    await this.audit?.record({ actor, action: 'DEAD_LETTER.REPLAYED', ip, details: { replayed } });
    return { replayed };
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiParam({ name: 'id', description: 'consumer:topic:partition:offset' })
  @ApiOkResponse({ type: DeadLetterView })
  async replay(@Param('id') id: string, @CurrentActor() actor: Actor, @Ip() ip: string) {
    const replayed = await this.deadLetters.replay(id);
    await this.audit?.record({ actor, action: 'DEAD_LETTER.REPLAYED', ip, details: { id } });
    return replayed;
  }
}
