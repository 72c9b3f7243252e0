import { Controller, Get, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Public, Roles, SignedWebhook } from './auth.decorators';
import { Role } from './roles';
import { unmarkedRoutes } from './route-marks';

@Controller('marked')
class MarkedController {
  @Get()
  @Roles(Role.Operator)
  list() {
    return [];
  }

  @Post('hook')
  @SignedWebhook('PAYMENT_WEBHOOK_SECRET')
  hook() {
    return {};
  }
}

@Public('the whole controller is public')
@Controller('open')
class OpenController {
  @Get()
  get() {
    return {};
  }
}

@Controller('forgotten')
class ForgottenController {
  @Get()
  @Roles(Role.Auditor)
  fine() {
    return {};
  }

  @Post()
  nobodySaid() {
    return {};
  }

  /** Not a route: no HTTP method decorator. */
  helper() {
    return 1;
  }
}

@Module({ controllers: [MarkedController, OpenController, ForgottenController] })
class SampleModule {}

describe('every route says who may call it', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await NestFactory.create(SampleModule, { logger: false, abortOnError: false });
  });
  afterAll(() => app.close());

  it('names each route that has neither @Roles, @Public nor @SignedWebhook (and only those)', () => {
    expect(unmarkedRoutes(app)).toEqual(['ForgottenController.nobodySaid']);
  });
});
