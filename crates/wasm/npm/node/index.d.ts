export * from "../bundler/cicd.js";
