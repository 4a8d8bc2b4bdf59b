// First admin of a real deployment (no demo data): ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME.
import bcrypt from "bcryptjs";
import { seedClient } from "./client";

const db = seedClient();
const email = process.env.ADMIN_EMAIL!.toLowerCase();
const password = process.env.ADMIN_PASSWORD!;
if (password.length < 12) {
  console.error("ADMIN_PASSWORD must be at least 12 characters.");
  process.exit(1);
}
await db.user.create({
  data: { email, name: process.env.ADMIN_NAME || "Administrator", role: "admin", passwordHash: await bcrypt.hash(password, 10) },
});
console.log(`Created admin ${email}.`);
await db.$disconnect();
