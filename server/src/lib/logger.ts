// Structured logs (pino): JSON lines in production or when piped; readable lines in a terminal.
import pino from 'pino';

const isTerminal = process.stdout.isTTY === true && process.env.NODE_ENV !== 'production';

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: undefined,
  ...(isTerminal
    ? {
        transport: {
          target: 'pino-pretty',
          options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
        },
      }
    : {}),
});
