// Issue #12 §6 at 1280×800 and 1440×900: the S3 dialog's placeholders fit their inputs, and a
// profile with no credentials is named with what the SDK tried and the way out (not "Could not
// load credentials from any providers"), in English and Japanese. Temporary AWS files, none of
// this machine's AWS_* variables; the failure comes before any request, so no S3 server is needed.
import path from 'node:path'
import type { Locator } from '@playwright/test'
import { expect, test, type StartOptions } from './fixtures'
import { SIZES } from './laptop-helpers'
import { awsHome, awsServer, openS3Dialog } from './s3-helpers'

const ENDPOINT = 'http://127.0.0.1:9'

/** A profile with no credentials anywhere. */
function options(): { start: StartOptions; credentialsFile: string } {
  const aws = awsHome('[profile audit]\nregion = eu-west-1\n', '')
  return { start: awsServer(aws, path.join(aws.home, 'cache'), ENDPOINT), credentialsFile: aws.credentialsFile }
}

/** Whether an input's placeholder is cut: measured as its value (then put back), in the input's own font. */
async function placeholderCut(input: Locator): Promise<boolean> {
  return input.evaluate((element) => {
    const field = element as HTMLInputElement
    const before = field.value
    field.value = field.placeholder
    const cut = field.scrollWidth > field.clientWidth + 1
    field.value = before
    return cut
  })
}

for (const size of SIZES) {
  test.describe(`S3 dialog at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size, locale: 'en-US' })

    test('placeholders fit; a profile without credentials is named with what was tried and the way out', async ({ openApp }) => {
      const { start, credentialsFile } = options()
      const page = await openApp([], start)
      const dialog = await openS3Dialog(page)
      const inputs = dialog.locator('input[placeholder]')
      expect(await inputs.count()).toBeGreaterThanOrEqual(4)
      for (let i = 0; i < (await inputs.count()); i++) {
        const input = inputs.nth(i)
        if (!(await input.isVisible())) continue
        expect(await placeholderCut(input), `${await input.getAttribute('data-testid')}: ${await input.getAttribute('placeholder')}`).toBe(false)
      }

      await dialog.getByTestId('s3-profile').selectOption('audit')
      await dialog.getByTestId('s3-endpoint').fill(ENDPOINT)
      await dialog.getByTestId('s3-bucket').fill('trail-bucket')
      await dialog.getByTestId('s3-discover').click()
      const error = dialog.getByTestId('s3-discover-error')
      await expect(error).toContainText('No AWS credentials found for the profile audit')
      await expect(error).toContainText(credentialsFile)
      await expect(error.locator('code')).toHaveText('aws sso login --profile audit')
      await expect(error).toContainText('AWS_ACCESS_KEY_ID')
      await expect(error).not.toContainText('any providers')

      // The same in Japanese.
      await page.getByTestId('s3-close').click()
      const again = await openS3Dialog(page, { language: 'ja' })
      await again.getByTestId('s3-discover').click()
      await expect(again.getByTestId('s3-discover-error')).toContainText('プロファイル audit の AWS 認証情報が見つかりません')
      await expect(again.getByTestId('s3-discover-error').locator('code')).toHaveText('aws sso login --profile audit')
    })
  })
}
