// CloudTrail の各項目の意味(日本語)。キーは en.ts と同じ。最初の 6 項目の短い説明は、
// ユーザーのメモの言葉そのまま(userIdentity:実行したユーザー …)。
import type { Annotation } from './types'
import type { AnnotationKey } from './en'

export const ja: Record<AnnotationKey, Annotation> = {
  eventVersion: {
    short: 'ログ形式のバージョン',
    long: 'CloudTrail のログレコード形式のバージョン(例: 1.08。AWS の文書では 1.11 まで)。レコードにどの項目があり得るかを示すもので、呼び出しの内容とは関係ありません。',
  },
  userIdentity: {
    short: '実行したユーザー',
    long: 'リクエストを実行したのは誰か: ID の種類、ARN とアカウント、署名に使ったアクセスキー、一時的な認証情報ならセッションとその発行元。',
  },
  'userIdentity.type': {
    short: 'ID の種類',
    long: 'Root、IAMUser、AssumedRole(ロールの一時的な認証情報)、FederatedUser、AWSAccount(別アカウント)、AWSService、IdentityCenterUser、Unknown など。',
  },
  'userIdentity.principalId': {
    short: '実行者の一意な ID',
    long: '実行者の一意な識別子。引き受けたロールの場合は、ロール ID の後にセッション名が付きます(AROA…:セッション名)。',
  },
  'userIdentity.arn': {
    short: '実行者の ARN',
    long: '呼び出しを行ったプリンシパル(ユーザー、引き受けたロールのセッション、ルートなど)の ARN。',
  },
  'userIdentity.accountId': {
    short: '実行者のアカウント',
    long: '呼び出しを行ったプリンシパルが属する AWS アカウント。クロスアカウントの呼び出しでは recipientAccountId と異なることがあります。',
  },
  'userIdentity.accessKeyId': {
    short: '署名に使われたアクセスキー',
    long: 'リクエストの署名に使われたアクセスキー。AKIA… は IAM ユーザーの長期キー、ASIA… は STS の一時キー(ロール、フェデレーション、コンソールのセッション)です。',
  },
  'userIdentity.userName': {
    short: 'ユーザー名',
    long: '呼び出しを行った IAM ユーザー(またはルート)の名前。引き受けたロールのセッションでは多くの場合なく、sessionContext.sessionIssuer を見ます。',
  },
  'userIdentity.invokedBy': {
    short: '代わりに呼び出した AWS サービス',
    long: 'AWS のサービスがプリンシパルに代わってリクエストした場合に入ります(例: cloudformation.amazonaws.com、AWS Internal)。',
  },
  'userIdentity.invokedByDelegate': {
    short: '委任アクセスの製品プロバイダー',
    long: '製品プロバイダーがこのアカウントで一時的な委任アクセスを使ったときに入ります。accountId がプロバイダーの AWS アカウントです。',
  },
  'userIdentity.invokedByDelegate.accountId': {
    short: 'プロバイダーのアカウント',
    long: '委任アクセスでリクエストした製品プロバイダーの AWS アカウント ID。',
  },
  'userIdentity.onBehalfOf': {
    short: '代理で実行した Identity Center ユーザー',
    long: 'IAM Identity Center の呼び出し元による呼び出しで、誰の代わりに実行したか(Identity Center のユーザーと、その ID ストア)。',
  },
  'userIdentity.onBehalfOf.userId': {
    short: 'Identity Center のユーザー ID',
    long: '代わりに呼び出しを行った IAM Identity Center ユーザーの ID(ID ストアで調べられます)。',
  },
  'userIdentity.onBehalfOf.identityStoreArn': {
    short: 'ID ストア',
    long: 'ユーザーが属する IAM Identity Center の ID ストアの ARN。',
  },
  'userIdentity.inScopeOf': {
    short: '認証情報が属するサービスのリソース',
    long: 'Lambda や Amazon ECS などの AWS サービスの範囲内で行われたリクエストで、関係するリソースや認証情報の情報。',
  },
  'userIdentity.inScopeOf.sourceArn': {
    short: 'サービスを呼び出したリソース',
    long: 'サービス間リクエストを呼び出したリソースの ARN。',
  },
  'userIdentity.inScopeOf.sourceAccount': {
    short: 'sourceArn の所有者',
    long: 'sourceArn のリソースを所有するアカウント。',
  },
  'userIdentity.inScopeOf.issuerType': {
    short: '認証情報の発行先の種類',
    long: '認証情報が発行されたリソースの種類(例: AWS::Lambda::Function)。',
  },
  'userIdentity.inScopeOf.credentialsIssuedTo': {
    short: '認証情報の発行先',
    long: '認証情報が発行された環境のリソース。',
  },
  'userIdentity.credentialId': {
    short: 'ベアラートークンの認証情報',
    long: 'IAM Identity Center の認可済みアクセストークンのようなベアラートークンを使ったときだけ入る、認証情報の ID。1 つのセッションを識別します。',
  },
  'userIdentity.identityProvider': {
    short: '外部の ID プロバイダー',
    long: 'SAMLUser と WebIdentityUser で、SAML の name qualifier、またはウェブ ID トークンの発行者(cognito-identity.amazon.com、accounts.google.com など)。',
  },
  'userIdentity.sessionContext': {
    short: '一時的な認証情報のセッション',
    long: '一時的な認証情報が属するセッションの詳細: 発行元、作成日時、MFA を使ったかどうか。',
  },
  'userIdentity.sessionContext.sessionIssuer': {
    short: 'セッションを発行したロール/ユーザー',
    long: '一時的な認証情報を発行したプリンシパル。通常は引き受けた IAM ロール(その ARN と名前)です。',
  },
  'userIdentity.sessionContext.attributes': {
    short: 'セッションの情報',
    long: 'セッションの作成日時と、多要素認証(MFA)で認証したかどうか。',
  },
  'userIdentity.sessionContext.attributes.mfaAuthenticated': {
    short: 'MFA で認証したか',
    long: '認証情報を使ったルートまたは IAM ユーザーが多要素認証(MFA)でサインインしていれば "true"。',
  },
  'userIdentity.sessionContext.attributes.creationDate': {
    short: '認証情報の発行日時',
    long: '一時的な認証情報が発行された日時(UTC、ISO 8601)。eventTime と比べて、古いセッションが使われ続けていれば注意が必要です。',
  },
  'userIdentity.sessionContext.webIdFederationData': {
    short: 'ウェブ ID フェデレーション',
    long: 'AssumeRoleWithWebIdentity のセッションで、ID プロバイダー(Cognito、Google、OIDC プロバイダーなど)とその属性。',
  },
  'userIdentity.sessionContext.webIdFederationData.federatedProvider': {
    short: 'ID プロバイダー',
    long: 'ウェブ ID プロバイダーのプリンシパル名(例: accounts.google.com、www.amazon.com、token.actions.githubusercontent.com のような OIDC プロバイダー)。',
  },
  'userIdentity.sessionContext.webIdFederationData.attributes': {
    short: 'プロバイダーの属性',
    long: 'ウェブ ID プロバイダーが伝えたアプリケーション ID とユーザー ID。',
  },
  'userIdentity.sessionContext.sessionIssuer.type': {
    short: '発行元の種類',
    long: '一時的な認証情報の出どころ: Role(引き受けたロール)、IAMUser または Root(GetFederationToken、GetSessionToken)。',
  },
  'userIdentity.sessionContext.sessionIssuer.principalId': {
    short: '発行元の一意な ID',
    long: '認証情報の取得に使われたロールまたはユーザーの内部 ID(ロールは AROA…、ユーザーは AIDA…)。',
  },
  'userIdentity.sessionContext.sessionIssuer.arn': {
    short: '発行元の ARN',
    long: '一時的な認証情報の取得に使われたロール、IAM ユーザー、またはアカウントの ARN。',
  },
  'userIdentity.sessionContext.sessionIssuer.accountId': {
    short: '発行元のアカウント',
    long: '認証情報の取得に使われたロールまたはユーザーを所有するアカウント。',
  },
  'userIdentity.sessionContext.sessionIssuer.userName': {
    short: 'ロール/ユーザーの名前',
    long: 'セッションを発行したロール(またはユーザー)の名前。Identity Center のセッションでは AWSReservedSSO_<権限セット>_<ID> になります。',
  },
  'userIdentity.sessionContext.sourceIdentity': {
    short: '元の ID(ソース ID)',
    long: 'ロールを引き受けるときに設定を求められる ID(sts:SetSourceIdentity)。ロールの連鎖を通じてセッションに残るので、共有ロールの向こうにいる人がわかります。',
  },
  'userIdentity.sessionContext.ec2RoleDelivery': {
    short: 'EC2 インスタンスの認証情報(IMDS のバージョン)',
    long: 'EC2 インスタンスメタデータサービス バージョン 1(IMDSv1)から渡された認証情報なら 1.0、IMDSv2 からなら 2.0。',
  },
  'userIdentity.sessionContext.assumedRoot': {
    short: '特権のルートセッション',
    long: '管理アカウントまたは委任管理者が sts:AssumeRoot でメンバーアカウントの特権タスクのために得た、短期のルートセッションなら true。',
  },
  'userIdentity.sessionContext.signInSessionArn': {
    short: 'サインインセッション',
    long: 'リクエストの元になったサインインセッションの ARN(arn:aws:signin:<リージョン>:<アカウント>:session/<ID>)。プリンシパルの ARN より具体的で、同じユーザーやロールのセッションを見分けられます。',
  },
  eventTime: {
    short: '実行日時',
    long: 'リクエストが完了した日時。UTC(ISO 8601 形式、末尾の Z は UTC の意味)。',
  },
  eventSource: {
    short: '実行したサービス',
    long: 'リクエスト先のサービスのエンドポイント名: s3.amazonaws.com、iam.amazonaws.com、cloudtrail.amazonaws.com など。',
  },
  eventName: {
    short: '実行したアクション',
    long: 'リクエストされた API アクション(例: UpdateTrail、PutObject、ConsoleLogin)。',
  },
  awsRegion: {
    short: 'リクエスト先のリージョン',
    long: 'リクエストが送られた AWS リージョン。IAM のようなグローバルサービスは us-east-1 と記録されます。',
  },
  sourceIPAddress: {
    short: 'リクエスト元の IP アドレス',
    long: 'リクエスト元の IP アドレス。AWS のサービスが代わりに呼び出した場合は、サービス名(例: ec2.amazonaws.com)になります。',
  },
  userAgent: {
    short: '使われたツール・SDK',
    long: 'リクエストしたクライアント: コンソール(console.amazonaws.com)、AWS CLI、SDK とそのバージョン、または別の AWS サービス。',
  },
  errorCode: {
    short: '呼び出しは失敗: エラーコード',
    long: 'リクエストが失敗したときだけ入ります: AWS のエラーコード(AccessDenied、UnauthorizedOperation、サービス固有の例外など)。失敗した呼び出しは何も変更していません。',
  },
  errorMessage: {
    short: '失敗した理由',
    long: 'サービスが返したエラーメッセージ。リクエストが失敗した理由を説明します。',
  },
  requestParameters: {
    short: 'AWS APIのリクエスト',
    long: 'リクエストで送られたパラメータ(サービスが記録したもの)。大きな値や機密の値は省略・マスクされることがあります。',
  },
  responseElements: {
    short: 'AWS APIのレスポンス',
    long: '作成・更新・削除を行うアクションのレスポンス。読み取り専用のアクションや失敗した呼び出しでは null です。',
  },
  additionalEventData: {
    short: 'サービスからの追加情報',
    long: 'リクエストにもレスポンスにも含まれない追加情報(例: ConsoleLogin の MFAUsed、S3 の転送バイト数)。',
  },
  requestID: {
    short: 'サービスが付けたリクエスト ID',
    long: '呼び出されたサービスが生成した、リクエストを識別する値。AWS サポートに問い合わせるときに役立ちます。',
  },
  eventID: {
    short: 'このレコードの一意な ID',
    long: 'CloudTrail が各イベントに付ける GUID。recipientAccountId と合わせてレコードを一意に識別します。',
  },
  readOnly: {
    short: '読み取りのみか(変更なし)',
    long: '読み取りだけの操作(Get、List、Describe など)なら true、何かを変更し得る操作なら false。',
  },
  eventType: {
    short: 'イベントの種類',
    long: 'AwsApiCall(API 呼び出し)、AwsServiceEvent(サービスによるもの)、AwsConsoleAction、AwsConsoleSignIn、AwsCloudTrailInsight、AwsVpceEvent。',
  },
  managementEvent: {
    short: '管理イベントか',
    long: '管理イベント(コントロールプレーン: リソースの設定を変更・参照する操作)なら true、データイベントなら false。',
  },
  recipientAccountId: {
    short: 'イベントを受け取ったアカウント',
    long: 'このイベントを受け取ったアカウントの ID。クロスアカウントの呼び出しでは userIdentity.accountId と異なることがあります。',
  },
  resources: {
    short: '対象のリソース',
    long: 'イベントでアクセスされたリソース。それぞれ ARN、アカウント ID、種類を持ちます。',
  },
  'resources[].ARN': {
    short: 'リソースの ARN',
    long: 'イベントが対象としたリソースの ARN。',
  },
  'resources[].accountId': {
    short: 'リソースを所有するアカウント',
    long: 'このリソースを所有するアカウント。',
  },
  'resources[].type': {
    short: 'リソースの種類',
    long: 'リソースの種類。AWS::サービス::種類 の形(例: AWS::S3::Object)。',
  },
  eventCategory: {
    short: '管理・データ・インサイト',
    long: 'イベントのカテゴリ: Management、Data、NetworkActivity、Insight。証跡や CloudTrail Lake がどのイベントを記録するかの選択に使います。',
  },
  tlsDetails: {
    short: 'TLS 接続の詳細',
    long: '接続の TLS バージョンと暗号スイート、クライアントが接続したホスト名。',
  },
  'tlsDetails.tlsVersion': {
    short: 'TLS バージョン',
    long: 'クライアントが使った TLS のバージョン(例: TLSv1.2、TLSv1.3)。',
  },
  'tlsDetails.cipherSuite': {
    short: '暗号スイート',
    long: '接続で使われた暗号スイート。',
  },
  'tlsDetails.clientProvidedHostHeader': {
    short: 'クライアントが呼んだエンドポイント',
    long: 'クライアントがリクエストで使ったホスト名(サービスや VPC エンドポイントなど)。',
  },
  sessionCredentialFromConsole: {
    short: 'コンソールの認証情報',
    long: 'AWS マネジメントコンソールのセッションの認証情報でリクエストした場合に true。',
  },
  apiVersion: {
    short: 'API バージョン',
    long: '呼び出された API のバージョン(記録するサービスのみ)。',
  },
  serviceEventDetails: {
    short: 'サービスイベントの詳細',
    long: 'AWS のサービス自身が生成したイベント(eventType が AwsServiceEvent)で、何が起きたかをサービスの言葉で記録したもの。',
  },
  sharedEventID: {
    short: '他アカウントと共通のイベント',
    long: 'クロスアカウントのイベントで、関係する各アカウントに届く同じイベントのコピーが共有する GUID。',
  },
  vpcEndpointId: {
    short: '経由した VPC エンドポイント',
    long: 'リクエストが経由した VPC エンドポイント。',
  },
  vpcEndpointAccountId: {
    short: 'VPC エンドポイントのアカウント',
    long: 'リクエストが経由した VPC エンドポイントを所有するアカウント。',
  },
  insightDetails: {
    short: '通常と異なる動きの詳細',
    long: 'CloudTrail Insights のイベントで、検出された通常と異なる API 呼び出し率やエラー率と、その基準値。',
  },
  edgeDeviceDetails: {
    short: 'エッジデバイス',
    long: 'リクエストの対象となったエッジデバイス(Snowball など)の情報。',
  },
  addendum: {
    short: 'レコードの後からの変更',
    long: 'CloudTrail がこのイベントを遅れて届けた、または更新した理由と、変わった内容。',
  },
  'addendum.reason': {
    short: '遅れた・変わった理由',
    long: 'DELIVERY_DELAY(配信の遅れ)、UPDATED_DATA(項目が欠けていたか誤っていて、ここで更新)、SERVICE_OUTAGE(障害のためサービスが記録できなかった)。',
  },
  'addendum.updatedFields': {
    short: '更新された項目',
    long: 'この追記が元のレコードのどの項目を更新するか(UPDATED_DATA のときだけ)。',
  },
  'addendum.originalRequestID': {
    short: '元のリクエスト ID',
    long: 'リクエストの元の一意な ID(UPDATED_DATA のときだけ)。',
  },
  'addendum.originalEventID': {
    short: '元のイベント ID',
    long: 'このレコードが更新する元のレコードの eventID(UPDATED_DATA のときだけ)。',
  },
  eventContext: {
    short: '追加情報: 条件キーとタグ',
    long: 'リソースタグキーや IAM グローバル条件キーを追加するよう設定した CloudTrail Lake のイベントデータストアにだけあります: requestContext(評価された条件キー)と tagContext(リソースとプリンシパルのタグ)。',
  },
  'eventContext.requestContext': {
    short: 'IAM グローバル条件キー',
    long: 'リクエストの認可で評価された IAM グローバル条件キー: プリンシパル、セッション、ネットワーク、リクエストの詳細。',
  },
  'eventContext.tagContext': {
    short: 'リソースとプリンシパルのタグ',
    long: '呼び出しに関わったリソースと IAM プリンシパルのタグ。削除されたリソースのイベントにはリソースのタグがありません。',
  },
  'tlsDetails.keyExchange': {
    short: 'TLS の鍵交換',
    long: 'TLS ハンドシェイクの鍵交換: X25519MLKEM768 は耐量子の TLS 1.3、x25519 は従来の TLS 1.3、secp256r1 は TLS 1.2。',
  },
  'insightDetails.state': {
    short: '通常と異なる動きの開始/終了',
    long: 'Insights イベントは対になっています: 通常と異なる動きが始まると Start、終わると End。',
  },
  'insightDetails.insightType': {
    short: 'インサイトの種類',
    long: 'ApiCallRateInsight(呼び出し数が通常と異なる)または ApiErrorRateInsight(失敗した呼び出しの数が通常と異なる)。',
  },
  'insightDetails.insightContext': {
    short: 'インサイトの数値',
    long: 'インサイトの統計: 基準値、通常と異なる値、寄与したもの(誰が、何が)。',
  },
  'additionalEventData.MFAUsed': {
    short: 'MFA でサインインしたか',
    long: 'コンソールのサインインで、ルートまたは IAM ユーザーが多要素認証でサインインしたなら Yes、そうでなければ No。',
  },
  'responseElements.ConsoleLogin': {
    short: 'サインインの結果',
    long: 'コンソールのサインインの結果: Success または Failure。同じアドレスからの連続した失敗はパスワードの推測かもしれません。',
  },
}
