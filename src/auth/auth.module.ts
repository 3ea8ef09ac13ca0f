import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersModule } from '../employers/employers.module.js';
import { AccountToken } from './account-token.entity.js';
import { AccountTokens } from './account-tokens.js';
import { AuthController } from './auth.controller.js';
import { EmailVerification } from './email-verification.js';
import { PasswordReset } from './password-reset.js';
import { AuthService } from './auth.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { KnownDevice } from './known-device.entity.js';
import { KnownDevices } from './known-devices.js';
import { RefreshToken } from './refresh-token.entity.js';

@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature([RefreshToken, KnownDevice, AccountToken]),
    EmployersModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, JwtStrategy, KnownDevices, AccountTokens, PasswordReset, EmailVerification],
  exports: [AuthService, PasswordReset, EmailVerification],
})
export class AuthModule {}
