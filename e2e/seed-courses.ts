import { seedSessionCourses } from "./courses-db";

// Run by start-server.sh after the demo content, before the server starts.
seedSessionCourses().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
