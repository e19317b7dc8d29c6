/**
 * A PostgreSQL server of its own, for scripts that stop and start it (bench/torture.ts): initdb into a
 * temporary folder, a port of the caller's choosing on 127.0.0.1, trust authentication, and the server run as
 * the `postgres` OS user when this runs as root (PostgreSQL refuses root). Never the machine's own server.
 */
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const execFileAsync = promisify(execFile);

export class ThrowawayPostgres {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "orderdesk-pg-"));
  readonly dataDir = path.join(this.dir, "data");
  readonly logFile = path.join(this.dir, "postgres.log");
  private readonly bin: string;
  private readonly database: string;
  private readonly asRoot = process.getuid?.() === 0;
  private removed = false;

  /** `binDir`: where initdb, pg_ctl and postgres are (default: the newest /usr/lib/postgresql/N/bin, or pg_config --bindir). */
  constructor(
    readonly port: number,
    options: { binDir?: string; database?: string } = {},
  ) {
    this.bin = options.binDir ?? postgresBinDir();
    this.database = options.database ?? "orderdesk";
    if (this.asRoot) execFileSync("chown", ["postgres:postgres", this.dir]);
  }

  /** The URL of the database (see createDatabase). */
  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/${this.database}`;
  }

  /** initdb, configured durable as in production (fsync and synchronous commit stay on). */
  init() {
    this.run("initdb", ["-D", this.dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-instructions"]);
    fs.appendFileSync(
      path.join(this.dataDir, "postgresql.conf"),
      [`port = ${this.port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${this.dir}'`, "max_connections = 50", "shared_buffers = 128MB", ""].join("\n"),
    );
  }

  /** Starts the server and waits until it accepts connections (crash recovery included). */
  async start() {
    await this.runAsync("pg_ctl", ["-D", this.dataDir, "-l", this.logFile, "-w", "-t", "60", "start"]);
  }

  /** A crash as far as PostgreSQL can tell: every process quits at once, recovery from the WAL at the next start. */
  async stopImmediately() {
    await this.runAsync("pg_ctl", ["-D", this.dataDir, "-m", "immediate", "-w", "stop"]);
  }

  async createDatabase() {
    const admin = postgres(`postgres://postgres@127.0.0.1:${this.port}/postgres`, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database "${this.database}"`);
    } finally {
      await admin.end();
    }
  }

  /** Stops the server if it runs and removes the folder; synchronous, so it can run in an exit handler. */
  remove() {
    if (this.removed) return;
    this.removed = true;
    if (fs.existsSync(path.join(this.dataDir, "postmaster.pid"))) {
      try {
        this.run("pg_ctl", ["-D", this.dataDir, "-m", "immediate", "-w", "stop"]);
      } catch {
        // not running
      }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** [command, args] running one of PostgreSQL's programs, as the `postgres` user when we are root. */
  private command(program: string, args: string[]): [string, string[]] {
    const binary = path.join(this.bin, program);
    return this.asRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  }

  private run(program: string, args: string[]) {
    const [command, argv] = this.command(program, args);
    execFileSync(command, argv, { cwd: this.dir, stdio: ["ignore", "pipe", "pipe"] });
  }

  private async runAsync(program: string, args: string[]) {
    const [command, argv] = this.command(program, args);
    await execFileAsync(command, argv, { cwd: this.dir });
  }
}

function postgresBinDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(base, versions[0], "bin");
  return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
}
