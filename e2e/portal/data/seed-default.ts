/**
 * The default portal: a handful of people and 12 workgroups, each chosen to exercise one case the
 * app must handle (see SEED below). Deterministic: building it twice gives identical data.
 */
import { SeedBuilder } from './builder'
import type { SeedData } from './model'

function build() {
  const b = new SeedBuilder()
  const p = (id: number) => `/avatars/user/${id}.svg`
  /** Where people live and how to reach them, so user.get filters on PERSONAL_CITY & co. have data. */
  const lives = (city: string, country: string, phone: string, inner: string, birthday: string | null, hired: string) => ({
    profile: { PERSONAL_CITY: city, PERSONAL_COUNTRY: country, WORK_PHONE: phone, UF_PHONE_INNER: inner, WORK_COMPANY: 'Scrum Dev Portal' },
    birthday: birthday === null ? null : Date.parse(`${birthday}T00:00:00Z`),
    employmentDate: Date.parse(`${hired}T00:00:00Z`),
  })

  // ---- people (ids 1..16 in this order) -------------------------------------------------------
  const admin = b.user({ name: 'Olivia', lastName: 'Bennett', workPosition: 'Portal administrator', isAdmin: true, gender: 'F', photo: p(1), online: true, ...lives('New York', 'USA', '+1 212 555 0101', '101', '1985-03-14', '2019-02-01') })
  const scrumMaster = b.user({ name: 'Дмитрий', lastName: 'Соколов', secondName: 'Андреевич', workPosition: 'Scrum master', gender: 'M', photo: p(2), email: 'd.sokolov@example.test', ...lives('Moscow', 'Russia', '+7 495 555 0102', '102', '1988-11-02', '2020-06-15') })
  const productOwner = b.user({ name: 'Jürgen', lastName: 'Müller', workPosition: 'Product owner', gender: 'M', photo: p(3), email: 'j.mueller@example.test', ...lives('Munich', 'Germany', '+49 89 5550 103', '103', '1982-07-21', '2018-09-01') })
  const backend = b.user({ name: '伟', lastName: '张', workPosition: 'Backend developer', gender: 'M', email: 'wei.zhang@example.test', ...lives('Shanghai', 'China', '+86 21 5550 0104', '104', '1992-01-30', '2021-03-01') })
  const regular = b.user({ name: 'Sam', lastName: 'Carter', workPosition: 'Frontend developer', gender: 'M', photo: p(5), ...lives('Los Angeles', 'USA', '+1 310 555 0105', '105', '1995-05-05', '2022-01-10') })
  const qa = b.user({ name: 'Екатерина', lastName: 'Иванова', secondName: 'Сергеевна', workPosition: 'QA engineer', gender: 'F', email: 'e.ivanova@example.test', ...lives('Saint Petersburg', 'Russia', '+7 812 555 0106', '106', '1990-12-12', '2020-11-01') })
  const designer = b.user({ name: 'Lena', lastName: 'Schröder', workPosition: 'UX designer', gender: 'F', photo: p(7), email: 'l.schroeder@example.test', ...lives('Berlin', 'Germany', '+49 30 5550 107', '107', null, '2021-08-16') })
  const mobileDev = b.user({ name: 'James', lastName: "O'Connor", workPosition: 'Mobile developer', gender: 'M', photo: p(8), ...lives('Dublin', 'Ireland', '+353 1 555 0108', '108', '1993-09-09', '2022-04-04') })
  const dataEngineer = b.user({ name: 'María', lastName: 'García', workPosition: 'Data engineer', gender: 'F', email: 'maria.garcia@example.test', ...lives('Madrid', 'Spain', '+34 91 555 0109', '109', '1989-04-18', '2019-10-01') })
  const analyst = b.user({ name: 'Ольга', lastName: 'Петрова', secondName: 'Игоревна', workPosition: 'Business analyst', gender: 'F', email: 'o.petrova@example.test', ...lives('Moscow', 'Russia', '+7 495 555 0110', '110', '1991-06-25', '2021-01-11') })
  const devops = b.user({ name: 'Tom', lastName: 'Becker', workPosition: 'DevOps engineer', gender: 'M', photo: p(11), ...lives('Berlin', 'Germany', '+49 30 5550 111', '111', '1987-02-28', '2018-05-02') })
  const backend2 = b.user({ name: 'Priya', lastName: 'Raman', workPosition: 'Backend developer', gender: 'F', ...lives('Bangalore', 'India', '+91 80 5550 0112', '112', '1994-10-31', '2023-02-20') })
  const techLead = b.user({ name: 'Henrik', lastName: 'Weiß', workPosition: 'Tech lead', gender: 'M', email: 'h.weiss@example.test', ...lives('Munich', 'Germany', '+49 89 5550 113', '113', '1980-08-08', '2017-03-01') })
  const inactive = b.user({ name: 'Victor', lastName: 'Hale', workPosition: 'Former developer', active: false, gender: 'M', ...lives('New York', 'USA', '+1 212 555 0114', '114', '1986-01-01', '2016-07-01') })
  const inactive2 = b.user({ name: 'Ирина', lastName: 'Кузнецова', workPosition: 'Former analyst', active: false, gender: 'F', email: 'i.kuznetsova@example.test', ...lives('Kazan', 'Russia', '+7 843 555 0115', '115', '1992-03-03', '2019-01-15') })
  const extranet = b.user({ name: 'Chris', lastName: 'Lowe', workPosition: 'Contractor', userType: 'extranet', departmentIds: [], ...lives('Los Angeles', 'USA', '+1 310 555 0116', '', null, '2024-05-01') })

  // ---- 1. the main scrum: backlog with items, epics, three sprints ---------------------------
  const mobile = b.group({
    name: 'Mobile App', ownerId: productOwner, scrumMasterId: scrumMaster, image: true,
    description: 'iOS and Android client',
    members: { [admin]: 'K', [backend]: 'K', [regular]: 'K', [qa]: 'K', [designer]: 'K', [mobileDev]: 'K' },
  })
  const mobileBacklog = b.backlog(mobile, scrumMaster)
  const sprintDone = b.sprint(mobile, { name: 'Sprint 1', status: 'completed', startDaysFromT0: -28, goal: 'Sign-up flow', createdBy: scrumMaster })
  const sprintActive = b.sprint(mobile, { name: 'Sprint 2', status: 'active', startDaysFromT0: -7, goal: 'Payments MVP', createdBy: scrumMaster })
  const sprintPlanned = b.sprint(mobile, { name: 'Sprint 3', status: 'planned', startDaysFromT0: 7, createdBy: scrumMaster })
  const onboarding = b.epic(mobile, { name: 'Onboarding', color: '#69dafc', createdBy: productOwner, description: 'First-run experience' })
  const payments = b.epic(mobile, { name: 'Payments', color: '#ff5752', createdBy: productOwner })
  const offline = b.epic(mobile, { name: 'Offline mode', color: '#9dcf00', createdBy: productOwner })
  const t = (title: string, responsibleId: number, extra: Partial<Parameters<SeedBuilder['task']>[1]> = {}) => ({ title, responsibleId, createdBy: productOwner, ...extra })
  b.task(mobile, t('Sign-up with e-mail and password', regular), mobileBacklog, { storyPoints: '5', epicId: onboarding })
  b.task(mobile, t('Password recovery by SMS', backend), mobileBacklog, { storyPoints: '3', epicId: onboarding })
  b.task(mobile, t('Apple Pay support', mobileDev, { priority: '2' }), mobileBacklog, { storyPoints: '8', epicId: payments })
  const xlTask = b.task(mobile, t('Cache the product catalogue offline', backend), mobileBacklog, { storyPoints: 'XL', epicId: offline })
  b.task(mobile, t('Push notification settings', regular), mobileBacklog, { storyPoints: '2' })
  b.task(mobile, t('Dark theme', designer), mobileBacklog, { storyPoints: '13' })
  const unestimated = b.task(mobile, t('Crash when rotating the screen (Android 15)', mobileDev, { priority: '2' }), mobileBacklog, { storyPoints: '' })
  b.task(mobile, t('Refactor the navigation stack', mobileDev), mobileBacklog, { storyPoints: '0.5' })
  b.task(mobile, t('Accessibility audit of the checkout', qa), mobileBacklog, { storyPoints: '1', epicId: payments })
  b.task(mobile, t('Spike: conflict resolution when syncing', backend), mobileBacklog, { storyPoints: '?', epicId: offline })
  b.task(mobile, t('Sign-up screen layout', designer, { status: '5' }), sprintDone, { storyPoints: '3', epicId: onboarding })
  b.task(mobile, t('E-mail confirmation link', backend, { status: '5' }), sprintDone, { storyPoints: '2', epicId: onboarding })
  b.task(mobile, t('Card payment form', regular, { status: '3' }), sprintActive, { storyPoints: '5', epicId: payments })
  b.task(mobile, t('Payment receipts', backend, { status: '2', deadlineInDays: 5 }), sprintActive, { storyPoints: '3', epicId: payments })
  b.task(mobile, t('Google Pay support', mobileDev), sprintPlanned, { storyPoints: '8', epicId: payments })

  // ---- 2. special characters in names (HTML escaping) ---------------------------------------
  const platform = b.group({
    name: 'R&D <Core> "Platform"', ownerId: techLead, scrumMasterId: backend, image: true,
    description: 'Shared services & <internal> APIs',
    members: { [backend2]: 'K', [devops]: 'K', [regular]: 'K', [dataEngineer]: 'K' },
  })
  const platformBacklog = b.backlog(platform, techLead, backend)
  const platformAuth = b.epic(platform, { name: 'Auth & "SSO"', color: '#ffa900', createdBy: techLead })
  b.task(platform, { title: 'Escape <b>bold</b> & "quotes" in titles', responsibleId: backend2 }, platformBacklog, { storyPoints: '1' })
  b.task(platform, { title: 'OAuth 2.0 device flow', responsibleId: backend }, platformBacklog, { storyPoints: '8', epicId: platformAuth })
  b.task(platform, { title: "Rotate the signing keys (don't break sessions)", responsibleId: devops }, platformBacklog, { storyPoints: '5', epicId: platformAuth })
  b.task(platform, { title: 'Rate-limit the public API', responsibleId: backend2 }, platformBacklog, { storyPoints: '3' })
  b.task(platform, { title: 'Metrics for queue latency', responsibleId: devops }, platformBacklog, { storyPoints: '' })

  // ---- 3. Cyrillic ----------------------------------------------------------------------------
  const alpha = b.group({
    name: 'Команда «Альфа»', ownerId: scrumMaster, scrumMasterId: scrumMaster, image: true,
    description: 'Внутренние сервисы',
    members: { [qa]: 'K', [analyst]: 'K', [regular]: 'K', [inactive2]: 'K' },
  })
  const alphaBacklog = b.backlog(alpha, scrumMaster)
  const alphaSprint = b.sprint(alpha, { name: 'Спринт 1', status: 'active', startDaysFromT0: -3, goal: 'Отчёты', createdBy: scrumMaster })
  const alphaRelease = b.epic(alpha, { name: 'Релиз 1.0', color: '#2fc6f6', createdBy: scrumMaster })
  b.task(alpha, { title: 'Экспорт отчёта в Excel', responsibleId: analyst }, alphaBacklog, { storyPoints: '3', epicId: alphaRelease })
  b.task(alpha, { title: 'Фильтр по дате создания', responsibleId: regular }, alphaBacklog, { storyPoints: '2', epicId: alphaRelease })
  b.task(alpha, { title: 'Проверить права доступа', responsibleId: qa }, alphaBacklog, { storyPoints: '1' })
  b.task(alpha, { title: 'Ёлочка: «кавычки» и — тире', responsibleId: analyst }, alphaBacklog, { storyPoints: 'M' })
  b.task(alpha, { title: 'Сводная таблица', responsibleId: analyst, status: '3' }, alphaSprint, { storyPoints: '5', epicId: alphaRelease })

  // ---- 4. German, visible but the regular user is not a member (Access denied) ---------------
  const quality = b.group({
    name: 'Qualitätssicherung', ownerId: productOwner, scrumMasterId: techLead, opened: false,
    description: 'Testfälle & Abnahme',
    members: { [designer]: 'K', [qa]: 'K' },
  })
  const qualityBacklog = b.backlog(quality, techLead)
  b.task(quality, { title: 'Testfälle für Übersetzungen prüfen', responsibleId: qa }, qualityBacklog, { storyPoints: '2' })
  b.task(quality, { title: 'Größenänderung der Fenster', responsibleId: designer }, qualityBacklog, { storyPoints: '3' })
  b.task(quality, { title: 'Regressionstests für die Straßenliste', responsibleId: qa }, qualityBacklog, { storyPoints: '5' })

  // ---- 5. hidden scrum the regular user is not in --------------------------------------------
  const hiddenFromRegular = b.group({
    name: 'Project Nebula', ownerId: admin, scrumMasterId: mobileDev, visible: false, opened: false,
    description: 'Confidential', members: { [dataEngineer]: 'K' },
  })
  const nebulaBacklog = b.backlog(hiddenFromRegular, admin)
  b.task(hiddenFromRegular, { title: 'Vendor due diligence', responsibleId: admin }, nebulaBacklog, { storyPoints: '5' })
  b.task(hiddenFromRegular, { title: 'Prototype the data pipeline', responsibleId: dataEngineer }, nebulaBacklog, { storyPoints: '8' })
  b.task(hiddenFromRegular, { title: 'Security review', responsibleId: mobileDev }, nebulaBacklog, { storyPoints: '3' })

  // ---- 6. scrum created over REST: no backlog yet (tasks exist, but no scrum items) ----------
  const noBacklog = b.group({
    name: 'Website Relaunch', ownerId: designer, scrumMasterId: scrumMaster,
    members: { [regular]: 'K', [devops]: 'K' }, createdDaysAgo: 2,
  })
  const noItemTask = b.task(noBacklog, { title: 'Collect content inventory', responsibleId: designer })
  b.task(noBacklog, { title: 'Pick a CMS', responsibleId: devops })

  // ---- 7. scrum with an empty backlog (owned by the regular user) ----------------------------
  const emptyBacklog = b.group({ name: 'Scrum Sandbox', ownerId: regular, scrumMasterId: regular, members: { [admin]: 'K' }, createdDaysAgo: 5 })
  const sandboxBacklog = b.backlog(emptyBacklog, regular)

  // ---- 8. non-scrum group with a backlog added by mistake (empty, so deletable) --------------
  const mistakenBacklog = b.group({ name: 'Marketing', ownerId: analyst, members: { [productOwner]: 'K', [designer]: 'K' } })
  const marketingBacklog = b.backlog(mistakenBacklog, admin, 0)

  // ---- 9-10. plain groups -------------------------------------------------------------------
  const plain = b.group({ name: 'Sales Team', ownerId: devops, members: { [regular]: 'K', [backend2]: 'K' } })
  const plainTask = b.task(plain, { title: 'Quarterly pipeline review', responsibleId: devops })
  const project = b.group({ name: 'Office Move 2026', ownerId: admin, project: true, members: { [analyst]: 'K', [devops]: 'K' } })

  // ---- 11. hidden scrum the regular user IS in -----------------------------------------------
  const hiddenWithRegular = b.group({
    name: 'Data Platform', ownerId: dataEngineer, scrumMasterId: backend2, visible: false, opened: false,
    members: { [regular]: 'K', [backend]: 'K' },
  })
  const dataBacklog = b.backlog(hiddenWithRegular, dataEngineer)
  const dataSprint = b.sprint(hiddenWithRegular, { name: 'Sprint 1', status: 'planned', startDaysFromT0: 3, createdBy: backend2 })
  b.task(hiddenWithRegular, { title: 'Ingest clickstream events', responsibleId: dataEngineer }, dataBacklog, { storyPoints: '8' })
  b.task(hiddenWithRegular, { title: 'Partition the events table', responsibleId: backend }, dataBacklog, { storyPoints: '5' })
  b.task(hiddenWithRegular, { title: 'Dashboard for daily actives', responsibleId: regular }, dataBacklog, { storyPoints: '3' })
  b.task(hiddenWithRegular, { title: 'Data retention policy', responsibleId: dataEngineer }, dataBacklog, { storyPoints: '' })

  // ---- 12. closed (archived) scrum -----------------------------------------------------------
  const closed = b.group({
    name: 'Legacy CRM (archived)', ownerId: techLead, scrumMasterId: scrumMaster, closed: true,
    members: { [admin]: 'K', [mobileDev]: 'K', [inactive]: 'K' }, createdDaysAgo: 700,
  })
  const legacyBacklog = b.backlog(closed, techLead)
  const legacySprint = b.sprint(closed, { name: 'Final sprint', status: 'completed', startDaysFromT0: -200, createdBy: scrumMaster })
  b.task(closed, { title: 'Export customer records', responsibleId: techLead }, legacyBacklog, { storyPoints: '3' })
  b.task(closed, { title: 'Switch off the old server', responsibleId: inactive }, legacyBacklog, { storyPoints: '1' })
  b.task(closed, { title: 'Freeze the schema', responsibleId: techLead, status: '5' }, legacySprint, { storyPoints: '2' })

  // ---- additions (appended last, so every id above stays as it was) --------------------------
  // An epic in a group the regular user is not in: epic.list must leave it out for them.
  const nebulaCompliance = b.epic(hiddenFromRegular, { name: 'Compliance', color: '#a861ab', createdBy: admin })
  // A task in no group: only its creator/responsible (and admins) can see it in tasks.task.*.
  const personalTask = b.task(0, { title: 'Prepare the sprint review talk', responsibleId: regular, createdBy: regular })

  // Velocity history (done story points of the last completed sprints). Mobile App: two sprints
  // completed before Sprint 1, so its last three completed sprints are Discovery (13), Prototype (9)
  // and Sprint 1 (5) — 9 on average. Alpha: one completed sprint, Пилот (8). Only finished tasks
  // (status 5) with numeric points; no backlog changes. Completed sprints have sort 0, as
  // sprint.complete leaves them.
  const mobileDiscovery = b.sprint(mobile, { name: 'Discovery', status: 'completed', startDaysFromT0: -56, goal: 'Clickable prototype', createdBy: scrumMaster, sort: 0 })
  b.task(mobile, t('Wireframes for the main screens', designer, { status: '5', createdDaysAgo: 60 }), mobileDiscovery, { storyPoints: '8', epicId: onboarding })
  b.task(mobile, t('Spike: choose the cross-platform framework', mobileDev, { status: '5', createdDaysAgo: 60 }), mobileDiscovery, { storyPoints: '5' })
  const mobilePrototype = b.sprint(mobile, { name: 'Prototype', status: 'completed', startDaysFromT0: -42, goal: 'Log in and browse', createdBy: scrumMaster, sort: 0 })
  b.task(mobile, t('Log-in screen prototype', regular, { status: '5', createdDaysAgo: 45 }), mobilePrototype, { storyPoints: '5', epicId: onboarding })
  b.task(mobile, t('Catalogue API client', backend, { status: '5', createdDaysAgo: 45 }), mobilePrototype, { storyPoints: '3' })
  b.task(mobile, t('Crash reporting', mobileDev, { status: '5', createdDaysAgo: 45 }), mobilePrototype, { storyPoints: '1' })
  const alphaPilot = b.sprint(alpha, { name: 'Пилот', status: 'completed', startDaysFromT0: -17, goal: 'Первый отчёт', createdBy: scrumMaster, sort: 0 })
  b.task(alpha, { title: 'Настроить выгрузку данных', responsibleId: analyst, status: '5', createdDaysAgo: 20 }, alphaPilot, { storyPoints: '3', epicId: alphaRelease })
  b.task(alpha, { title: 'Макет отчёта', responsibleId: qa, status: '5', createdDaysAgo: 20 }, alphaPilot, { storyPoints: '5' })

  const ids = {
    users: { admin, scrumMaster, productOwner, backend, regular, qa, designer, mobileDev, dataEngineer, analyst, devops, backend2, techLead, inactive, inactive2, extranet },
    groups: { mobile, platform, alpha, quality, hiddenFromRegular, noBacklog, emptyBacklog, mistakenBacklog, plain, project, hiddenWithRegular, closed },
    backlogs: {
      mobile: mobileBacklog, platform: platformBacklog, alpha: alphaBacklog, quality: qualityBacklog, hiddenFromRegular: nebulaBacklog,
      emptyBacklog: sandboxBacklog, mistakenBacklog: marketingBacklog, hiddenWithRegular: dataBacklog, closed: legacyBacklog,
    },
    sprints: {
      mobileCompleted: sprintDone, mobileActive: sprintActive, mobilePlanned: sprintPlanned, alphaActive: alphaSprint, dataPlanned: dataSprint, closedCompleted: legacySprint,
      mobileCompletedOlder: mobilePrototype, mobileCompletedOldest: mobileDiscovery, alphaCompleted: alphaPilot,
    },
    epics: { onboarding, payments, offline, platformAuth, alphaRelease, nebulaCompliance },
    tasks: { xlStoryPoints: xlTask, unestimated, noItem: noItemTask, plainGroup: plainTask, personal: personalTask },
  }
  return { ids, data: b.build('default') }
}

/**
 * Named ids of the default seed, so tests never hard-code numbers.
 * - users.admin (1): portal administrator; users.regular (5): ordinary member of mobile, platform,
 *   alpha, noBacklog, emptyBacklog (owner), plain and hiddenWithRegular, NOT of quality/hiddenFromRegular.
 * - users.inactive / inactive2: dismissed; users.extranet: an extranet contractor.
 * - groups: see the numbered sections above.
 * - epics.nebulaCompliance: in hiddenFromRegular (not visible to users.regular in epic.list).
 * - tasks.personal: no group, created by and assigned to users.regular.
 * - sprints.mobileCompletedOldest ("Discovery", 13 done points), mobileCompletedOlder ("Prototype", 9)
 *   and mobileCompleted ("Sprint 1", 5): Mobile App's completed sprints, oldest first (velocity 9).
 *   sprints.alphaCompleted ("Пилот", 8): Alpha's only completed sprint.
 */
export const SEED = build().ids

export function buildDefaultSeed(): SeedData {
  return build().data
}
