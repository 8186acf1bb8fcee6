import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolated modules cannot read)
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so a failed login takes as long
// whether or not the account exists.
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("minga-decoy-password-never-used");
  await verifyPassword(await decoyHash, password);
  return false;
}

// Spanish passwords people really use, which the English-centric list misses.
const SPANISH_COMMON = [
  "contraseña",
  "contrasena",
  "contraseña1",
  "contrasena1",
  "contraseña123",
  "contrasena123",
  "micontraseña",
  "micontrasena",
  "teamo12345",
  "teamomucho",
  "tequiero123",
  "minga12345",
  "ecuador123",
  "ecuador2024",
  "ecuador2025",
  "ecuador2026",
  "peru123456",
  "amazonia123",
  "1234567890",
  "0987654321",
  "qwertyuiop",
  "asdfghjklñ",
  "abcdefghij",
  "holahola12",
];

const COMMON = new Set(
  [...dictionary.passwords, ...SPANISH_COMMON]
    .map((p) => p.toLowerCase())
    .filter((p) => p.length >= 10),
);

/** True for passwords found in public lists of the most used ones. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  // The same character over and over ("aaaaaaaaaa") is as weak as a listed one.
  return new Set(lower).size <= 2;
}
