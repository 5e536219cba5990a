; RectDesk 整改台账桌面助手 — Windows 10/11 (x86_64) installer.
;
; Built by `python3 installer/build.py windows` (installer/windows_build.py assembles the program
; folder build/windows/RectDesk and passes the defines below); by hand:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DSOURCE_DIR=build/windows/RectDesk \
;            -DOUTFILE=dist/RectDesk-Setup-0.1.0-x64.exe installer/windows/rectdesk.nsi
;
; Per-user install (no administrator rights, into %LOCALAPPDATA%\Programs\RectDesk) is the
; default; administrators may choose "all users" (Program Files). Command line: /CurrentUser,
; /AllUsers, /S (silent), /D=folder (last). Everything is inside: no download at install time.
; The uninstaller keeps the clerk's data unless "删除我的数据" is ticked (or /DELETEDATA is
; given to a silent uninstall). The data never lives in the program folder: %APPDATA%\RectDesk,
; %LOCALAPPDATA%\RectDesk\Logs, settings under HKCU\Software\RectDesk\RectDesk.

Unicode true
ManifestDPIAware true
!ifdef COMPRESSOR
  SetCompressor ${COMPRESSOR}  ; e.g. zlib for a quick check build
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef SOURCE_DIR
  !error "pass /DSOURCE_DIR=<the program folder build/windows/RectDesk>"
!endif
!ifndef OUTFILE
  !define OUTFILE "RectDesk-Setup-${VERSION}-x64.exe"
!endif
; Qt 6.9 (PySide6 6.9.3) supports Windows 10 1809, build 17763, and later.
!define MIN_BUILD 17763
!ifndef ICON_FILE
  !define ICON_FILE "${__FILEDIR__}\..\..\resources\icons\rectdesk.ico"
!endif

!define APP_NAME "整改台账桌面助手"
!define APP_ID "RectDesk"
!define PUBLISHER "RectDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SETTINGS_KEY "Software\${APP_ID}"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"

; --- per-user or all users ----------------------------------------------------------------------
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP_ID}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${SETTINGS_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${SETTINGS_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include WinVer.nsh
!include x64.nsh
!include FileFunc.nsh
!include Sections.nsh

; --- pages ---------------------------------------------------------------------------------------
!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "本向导将在您的电脑上安装 ${APP_NAME}（RectDesk）${VERSION}。$\r$\n$\r$\n\
整改台账数据只保存在本机，不需要联网。$\r$\n$\r$\n\
如果电脑上已经装有旧版本，直接覆盖安装即可，原有数据不会受影响。$\r$\n$\r$\n$_CLICK"
!define MUI_FINISHPAGE_RUN "$INSTDIR\rectdesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "立即运行 ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "默认只卸载程序，您的整改台账数据、备份和佐证材料都会保留。\
只有勾选“删除我的数据”时才会一并删除（无法恢复）。"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${PUBLISHER}"

; --- checks --------------------------------------------------------------------------------------
; The installer itself is a 32-bit program so that it can say in Chinese why a 32-bit Windows
; is refused; everything it installs is 64-bit.
Function .onInit
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "本程序只能安装在 64 位的 Windows 10 或 Windows 11 上，这台电脑的 Windows 版本（如 Windows 7、Windows 8）太旧，安装已取消。" /SD IDOK
    Abort
  ${EndIf}
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "本程序只能安装在 64 位的 Windows 10 或 Windows 11 上，这台电脑是 32 位系统，安装已取消。" /SD IDOK
    Abort
  ${EndIf}
  ${WinVerGetBuild} $0
  ${If} $0 < ${MIN_BUILD}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "这台电脑是 Windows 10 的早期版本（内部版本 $0，如 LTSB 2016），程序所用的 Qt 6.9 界面库只支持 1809 版（内部版本 ${MIN_BUILD}）及以后的 Windows 10，可能无法启动。仍要安装吗？" /SD IDNO IDYES +2
    Abort
  ${EndIf}
  SetRegView 64
  ; /D=folder on the command line comes before .onInit; MultiUser would replace it.
  StrCpy $R9 $INSTDIR
  !insertmacro MULTIUSER_INIT
  ${If} $R9 != ""
    StrCpy $INSTDIR $R9
  ${EndIf}
FunctionEnd

; An open window (or rectdesk-cli) holds python311.dll: it cannot be replaced or removed then.
!macro CHECK_NOT_RUNNING UN
Function ${UN}CheckNotRunning
  retry:
  IfFileExists "$INSTDIR\python\python311.dll" 0 done
  ClearErrors
  FileOpen $0 "$INSTDIR\python\python311.dll" a
  IfErrors 0 close
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "整改台账桌面助手正在运行，请先关闭它（包括命令行中的 rectdesk-cli），再点“重试”。" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 3
    Quit
  close:
  FileClose $0
  done:
FunctionEnd
!macroend
!insertmacro CHECK_NOT_RUNNING ""
!insertmacro CHECK_NOT_RUNNING "un."

; --- install -------------------------------------------------------------------------------------
Section "程序文件（必需）" SecProgram
  SectionIn RO
  Call CheckNotRunning
  ; An upgrade replaces the program files; the clerk's data lives elsewhere and is not touched.
  ; Only a folder that holds this program is cleared (never one chosen by mistake, like C:\).
  ${If} ${FileExists} "$INSTDIR\rectdesk-cli.exe"
    RMDir /r "$INSTDIR\python"
    RMDir /r "$INSTDIR\app"
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\rectdesk.exe"
    Delete "$INSTDIR\rectdesk-cli.exe"
  ${EndIf}
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*.*"
  File "/oname=rectdesk.ico" "${ICON_FILE}"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr SHCTX "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${SETTINGS_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\rectdesk.ico"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; Shortcuts start in the clerk's Documents folder, where file dialogs then open.
Section "开始菜单快捷方式" SecStartMenu
  SetOutPath "$DOCUMENTS"
  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\rectdesk.exe" "" "$INSTDIR\rectdesk.ico"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\卸载 ${APP_NAME}.lnk" "$INSTDIR\uninstall.exe" "/$MultiUser.InstallMode"
SectionEnd

Section "桌面快捷方式" SecDesktop
  SetOutPath "$DOCUMENTS"
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\rectdesk.exe" "" "$INSTDIR\rectdesk.ico"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "${APP_NAME} 的程序文件和命令行工具 rectdesk-cli。"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecStartMenu} "在开始菜单中建立“${APP_NAME}”文件夹。"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "在桌面上放一个“${APP_NAME}”图标。"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; --- uninstall -----------------------------------------------------------------------------------
Section "un.卸载程序（必需）" UnSecProgram
  SectionIn RO
  Call un.CheckNotRunning
  Delete "$DESKTOP\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\卸载 ${APP_NAME}.lnk"
  RMDir "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\app"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\rectdesk.exe"
  Delete "$INSTDIR\rectdesk-cli.exe"
  Delete "$INSTDIR\rectdesk.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegValue SHCTX "${SETTINGS_KEY}" "InstallDir"
  DeleteRegValue SHCTX "${SETTINGS_KEY}" "InstallMode"
  DeleteRegKey /ifempty SHCTX "${SETTINGS_KEY}"
SectionEnd

; Unticked by default: the data file, its backups, evidence files, logs and window settings of
; the user running the uninstaller. A store opened elsewhere with --db is never touched.
Section /o "un.删除我的数据（数据文件、备份、佐证材料、日志、设置）" UnSecData
  ; The data of the user running the uninstaller, also after an all-users install.
  SetShellVarContext current
  RMDir /r "$APPDATA\${APP_ID}"
  RMDir /r "$LOCALAPPDATA\${APP_ID}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd

; A silent uninstall (/S) deletes the data only when /DELETEDATA is also given.
Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/DELETEDATA" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecData}
  ${EndIf}
FunctionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecProgram} "删除程序文件、快捷方式和卸载信息。"
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "同时删除本用户的整改台账数据文件（%APPDATA%\RectDesk）、自动备份、佐证材料、日志和设置。删除后无法恢复，请先把数据文件复制到别处保存。"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
