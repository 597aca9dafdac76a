"""The application's version: what enrolment reports, what updates compare against, and what
the health check expects the running build to report. Bumped by the release procedure
(docs/deployment.md) before `make package`."""

VERSION = "0.1.0"
