// 説明(日本語): ID の種類、一意な ID の接頭辞、ID のつながりの各段、エラーの種類。
// explain-en.ts と同じ内容を、ログを読む人向けの言葉で。
import type { Explain } from './explain-types'

export const explainJa: Explain = {
  identityTypes: {
    Root: {
      short: 'アカウントのルートユーザー',
      long: 'Root: AWS アカウントのルートユーザーの認証情報で実行されました。ルートは何でもできます。使うのはまれなはずなので、想定どおりか、MFA が有効かを確認しましょう。アカウントにエイリアスがあれば userName に入ります。',
    },
    IAMUser: {
      short: 'IAM ユーザー',
      long: 'IAMUser: IAM ユーザーの認証情報(コンソールのパスワード、またはアクセスキー)で実行されました。',
    },
    AssumedRole: {
      short: 'ロールのセッション(一時的な認証情報)',
      long: 'AssumedRole: IAM ロールを引き受けて得た一時的な認証情報です(sts:AssumeRole、SAML、ウェブ ID、EC2 のインスタンスロール、Lambda、Identity Center など)。sessionContext.sessionIssuer にロールが入ります。',
    },
    Role: {
      short: 'IAM ロール',
      long: 'Role: 永続的な IAM ロールの ID で実行されました。セッションの発行元は常にそのロールです。',
    },
    FederatedUser: {
      short: 'フェデレーションユーザー(GetFederationToken)',
      long: 'FederatedUser: sts:GetFederationToken で得た一時的な認証情報です。呼び出した IAM ユーザーまたはルートは sessionContext.sessionIssuer にあります。',
    },
    Directory: {
      short: 'ディレクトリサービスのユーザー',
      long: 'Directory: ディレクトリサービス(Amazon WorkDocs、Amazon Quick)へのリクエストで、ID の種類は不明です。',
    },
    AWSAccount: {
      short: '別の AWS アカウント',
      long: 'AWSAccount: 別の AWS アカウントが実行しました。多くはあなたのロールを引き受けるクロスアカウントアクセスです。',
    },
    AWSService: {
      short: 'AWS サービス',
      long: 'AWSService: AWS サービスのアカウントが実行しました。例えば、サービスがあなたのアカウントのロールを引き受けて代わりに動く場合です。invokedBy にサービス名が入ります。',
    },
    IdentityCenterUser: {
      short: 'IAM Identity Center のユーザー',
      long: 'IdentityCenterUser: IAM Identity Center のユーザーの代わりに実行されました。onBehalfOf にユーザー ID と ID ストアが入ります。',
    },
    SAMLUser: {
      short: 'SAML フェデレーションのユーザー',
      long: 'SAMLUser: SAML アサーションによる AssumeRoleWithSAML のリクエストです。identityProvider に ID プロバイダーが入ります。',
    },
    WebIdentityUser: {
      short: 'ウェブ ID のユーザー',
      long: 'WebIdentityUser: ウェブ ID プロバイダー(Cognito、Google、OIDC プロバイダーなど)のトークンによる AssumeRoleWithWebIdentity のリクエストです。',
    },
    Unknown: {
      short: 'CloudTrail が分類できなかった ID',
      long: 'Unknown: CloudTrail が種類を判別できない ID で実行されました。多くの場合、ARN と principalId から誰かはわかります。',
    },
  },
  idKinds: {
    accessKey: {
      short: '長期のアクセスキー',
      long: 'AKIA…: IAM ユーザー(またはルートユーザー)の長期のアクセスキーです。無効化・削除するまで使えます。漏えいしたなら無効化し、このキーで行われたことをすべて確認しましょう。',
    },
    temporaryKey: {
      short: '一時的な認証情報(STS)',
      long: 'ASIA…: AWS STS の一時的な認証情報です(引き受けたロール、フェデレーショントークン、コンソールや Identity Center のセッション、EC2 のインスタンスロール)。期限が来ると自動的に失効します。',
    },
    user: { short: 'IAM ユーザーの ID', long: 'AIDA…: IAM ユーザーの一意な ID。' },
    role: { short: 'IAM ロールの ID', long: 'AROA…: IAM ロールの一意な ID。principalId では後ろに :セッション名 が付きます。' },
    group: { short: 'IAM グループの ID', long: 'AGPA…: IAM ユーザーグループの一意な ID。' },
    managedPolicy: { short: '管理ポリシーの ID', long: 'ANPA…: 管理ポリシーの一意な ID。' },
    policyVersion: { short: '管理ポリシーのバージョンの ID', long: 'ANVA…: 管理ポリシーのバージョンの一意な ID。' },
    instanceProfile: { short: 'EC2 インスタンスプロファイルの ID', long: 'AIPA…: Amazon EC2 インスタンスプロファイルの一意な ID。' },
    bearerToken: { short: 'STS ベアラートークン', long: 'ABIA…: AWS STS のサービスベアラートークン(CodeArtifact など一部のサービスが使います)。' },
    contextCredential: { short: 'コンテキスト固有の認証情報', long: 'ACCA…: コンテキスト固有の認証情報。' },
    certificate: { short: '証明書の ID', long: 'ASCA…: 証明書の一意な ID。' },
    publicKey: { short: '公開鍵の ID', long: 'APKA…: 公開鍵(SSH 公開鍵や CloudFront のキーなど)の一意な ID。' },
  },
  chain: {
    root: '{v} のルートユーザー',
    iamUser: 'IAM ユーザー {v}',
    role: 'ロール {v}',
    permissionSet: 'Identity Center の権限セット {v}',
    session: 'セッション {v}',
    ec2Instance: 'EC2 インスタンス {v}',
    sourceIdentity: 'ソース ID {v}',
    federatedUser: 'フェデレーションユーザー {v}',
    issuedBy: '発行元 {v}',
    identityCenterUser: 'Identity Center のユーザー {v}',
    identityStore: 'ID ストア {v}',
    samlUser: 'SAML ユーザー {v}',
    webIdentityUser: 'ウェブ ID ユーザー {v}',
    provider: 'プロバイダー {v}',
    awsService: 'AWS サービス {v}',
    awsAccount: 'AWS アカウント {v}',
    directory: 'ディレクトリのユーザー {v}',
    via: '{v} 経由',
    unknown: '不明な ID {v}',
  },
  errors: {
    accessDenied: {
      meaning: '呼び出し元にはこの操作が許可されていません(明示的な拒否、または許可するポリシーがない)。',
      cause: 'ID ポリシーの権限不足、アクセス許可の境界、セッションポリシー、SCP や RCP、またはリソース側のポリシー(バケットポリシー、キーポリシー)が呼び出し元を許可していない。',
      check: 'errorMessage に、アクションとどの種類のポリシーが拒否したかが書かれていることが多いです。次に、その ID のポリシー、リソースポリシー、SCP をそのアクションとリソースについて確認します。',
    },
    vpceAccessDenied: {
      meaning: 'VPC エンドポイントのポリシーがリクエストを拒否しました。',
      cause: '経由した VPC エンドポイントのエンドポイントポリシーが、このプリンシパル・アクション・リソースを許可していない。',
      check: 'vpcEndpointId の VPC エンドポイントと、そのエンドポイントポリシー。',
    },
    unauthorizedOperation: {
      meaning: 'EC2 が呼び出しを拒否しました: 呼び出し元にこのアクションの権限がありません(EC2 版の AccessDenied)。',
      cause: 'これらのリソースへの ec2: アクションを許可する Allow がない、または条件(リージョン、タグ、インスタンスタイプ)が合わない。',
      check: 'errorMessage にエンコードされた認可メッセージがあれば、aws sts decode-authorization-message でデコードすると、どのステートメントが拒否したかわかります。',
    },
    throttling: {
      meaning: 'リクエストが速すぎるため、サービスが呼び出しを拒否しました(スロットリング)。',
      cause: 'このアカウントから短時間にこの API が呼ばれすぎた(スクリプト、リトライ、リソースを列挙するツール)。',
      check: '同じ ID からこの時間帯に同じ eventName が何回呼ばれたか。指数バックオフでリトライしましょう。List/Describe の大量のスロットリングは偵察活動のこともあります。',
    },
    noSuchKey: {
      meaning: 'S3 のオブジェクトが存在しません。',
      cause: 'キーの誤り(大文字小文字、プレフィックス、先頭のスラッシュ)、または削除済みのオブジェクト。s3:ListBucket の権限がないと、S3 は代わりに AccessDenied を返します。',
      check: 'requestParameters の bucketName と key: オブジェクトは(どのバージョンで)存在するか。',
    },
    noSuchBucket: {
      meaning: 'S3 バケットが存在しません。',
      cause: '入力ミス、削除済みのバケット、または誰かがバケット名を探っている。',
      check: 'requestParameters.bucketName と、同じ ID がたくさんのバケット名を試していないか。',
    },
    s3ConfigMissing: {
      meaning: 'バケットにその設定(ポリシー、タグ、ライフサイクル、レプリケーション、CORS など)がありません。',
      cause: 'たいてい無害です: コンソールやスキャナーはバケットのすべての設定を読み、S3 は設定がないことをエラーとして返します。',
      check: 'その設定があるはずだった場合を除き、何もしなくて構いません。',
    },
    noSuchEntity: {
      meaning: 'IAM のエンティティ(ユーザー、ロール、ポリシーなど)が存在しません。',
      cause: '名前や ARN の誤り、または削除済みのエンティティ。ツールが名前を調べるときにもよく出ます。',
      check: 'requestParameters の名前や ARN。',
    },
    validation: {
      meaning: 'リクエストがサービスの入力チェックを通りませんでした。',
      cause: 'パラメータの不足や形式の誤り、範囲外の値。',
      check: 'errorMessage にどのパラメータかが書かれています。requestParameters を API リファレンスと見比べましょう。',
    },
    invalidClientToken: {
      meaning: 'アクセスキー ID が無効です: AWS が知らないキーです。',
      cause: '削除済みや入力ミスのアクセスキー、別のパーティション(中国、GovCloud)の認証情報、または漏えいしたキーや作られたキーを誰かが試している。',
      check: 'userIdentity.accessKeyId は削除済みか。見知らぬアドレスからの無効なキーでの呼び出しは調べる価値があります。',
    },
    expiredToken: {
      meaning: '一時的な認証情報の期限が切れています。',
      cause: '期限後に使われたセッショントークン(長時間のジョブ、キャッシュされた認証情報)。',
      check: 'セッションの作成日時(sessionContext.attributes.creationDate)と、クライアントが認証情報を更新する方法。',
    },
    signature: {
      meaning: 'リクエストの署名が AWS の計算と一致しません。',
      cause: 'シークレットアクセスキーの誤り、大きく狂った時計、またはリクエストを書き換えるプロキシ。',
      check: 'クライアントのシークレットキーと時計。1 つのキーで失敗が続くなら、誰かがシークレットを推測しようとしているかもしれません。',
    },
    notFound: {
      meaning: 'リクエストで指定したリソースが存在しません(または呼び出し元から見えません)。',
      cause: 'ID や名前の誤り、別のリージョンやアカウントのリソース、または削除済みのリソース。',
      check: 'requestParameters の ID と、呼び出しの awsRegion。',
    },
    trailNotFound: {
      meaning: 'この場所にその名前または ARN の証跡はありません。',
      cause: '証跡名の誤り、単一リージョンの証跡に対するリージョン違い、または別アカウントの証跡。',
      check: 'requestParameters.name と awsRegion を、アカウントの証跡と見比べます。',
    },
    cloudWatchLogsRole: {
      meaning: 'CloudWatch Logs への配信用に指定された IAM ロールを、CloudTrail が使えません。',
      cause: 'ロールが存在しない、信頼ポリシーが cloudtrail.amazonaws.com の引き受けを許可していない、またはロググループへの logs:CreateLogStream と logs:PutLogEvents の権限がない。',
      check: 'requestParameters.cloudWatchLogsRoleArn のロール: 信頼関係で cloudtrail.amazonaws.com を許可し、ポリシーで cloudWatchLogsLogGroupArn のロググループへの書き込みを許可しているか。',
    },
    cloudWatchLogsGroup: {
      meaning: 'CloudTrail に指定された CloudWatch Logs のロググループの ARN が無効です。',
      cause: 'ARN の形式の誤り(末尾は :* が必要)、またはこのリージョンに存在しないロググループ。',
      check: 'requestParameters.cloudWatchLogsLogGroupArn。',
    },
    trailBucketPolicy: {
      meaning: 'S3 のバケットポリシーが CloudTrail のログファイル書き込みを許可していません。',
      cause: 'バケットポリシーに、cloudtrail.amazonaws.com に s3:GetBucketAcl と s3:PutObject を許可するステートメントがない。',
      check: '証跡の S3 バケットのバケットポリシー。',
    },
    invalidParameter: {
      meaning: 'この呼び出しに対してパラメータの値が無効です。',
      cause: '形式の誤った ID、形の違う値、または API が許さないパラメータの組み合わせ。',
      check: 'errorMessage にパラメータ名があります。requestParameters を API リファレンスと見比べましょう。',
    },
    dryRun: {
      meaning: 'ドライランで、本番なら成功していた呼び出しです。何も変更されていません。',
      cause: '呼び出し元が DryRun=true で権限を試した(ツールも攻撃者もよく使います)。',
      check: '誰がこの方法で権限を試したか、実際の呼び出しが続いたか。',
    },
    optIn: {
      meaning: 'アカウントがこのリージョンまたはサービスにオプトインしていません。',
      cause: 'アカウントで有効になっていないオプトインリージョン(またはサブスクリプションが必要なサービス)への呼び出し。',
      check: 'awsRegion と、アカウントで有効なリージョン。',
    },
    limit: {
      meaning: 'クォータ(上限)に達しました。',
      cause: 'この種類のリソース(vCPU、VPC、ロールなど)がアカウントの上限に達している。',
      check: 'errorMessage にあるクォータを Service Quotas で確認します。',
    },
    alreadyExists: {
      meaning: 'その名前のものがすでに存在します。',
      cause: '作成の呼び出しの繰り返し、または別のリソースが使っている名前(S3 のバケット名は全世界で一意)。',
      check: 'requestParameters の名前。',
    },
    conflict: {
      meaning: 'リソースがこの呼び出しを受け付けられる状態ではありません。',
      cause: '使用中、変更中、空でない、または他のものに依存している。',
      check: 'リソースの現在の状態と、このイベントの直前のイベント。',
    },
    internal: {
      meaning: 'サービス側で失敗しました。',
      cause: 'AWS 側の一時的な問題。たいていリトライで成功します。',
      check: 'リトライが続いて成功したか、その時間帯の AWS Health Dashboard。',
    },
  },
}
