// Which links may leave the app for the system browser: the AWS documentation the UI links to,
// https only, exact hosts, no credentials or port (as Actual Budget's external-links.ts allows
// only http(s)). The check is common/aws-names.ts' isDocsUrl, the same one the viewer applies
// before it asks, so the two can never disagree; it is named here for what the shell uses it for.
// Tested directly (tests/unit/external-links.test.ts, tests/unit/aws-names.test.ts).

export { DOCS_HOSTS as ALLOWED_EXTERNAL_HOSTS, isDocsUrl as isAllowedExternalUrl } from '../../common/aws-names'
